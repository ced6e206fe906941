import { Migration } from '@mikro-orm/migrations';

export class Migration0003Identity extends Migration {
  override name = '0003-identity';

  override up(): void {
    this.addSql(`
      create table member_unit (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        code varchar(40) not null unique,
        name varchar(120) not null,
        active boolean not null default true
      );

      create table app_user (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        username varchar(64) not null unique check (username = lower(username) and length(username) >= 3),
        display_name varchar(100) not null,
        password_hash text not null,
        roles text[] not null check (cardinality(roles) > 0 and roles <@ array['DUTY_OFFICER','LEADER','DISPATCHER','LOGISTICS_OFFICER','COORDINATOR','UNIT_LIAISON','ADMIN']::text[]),
        unit_id uuid references member_unit (id),
        active boolean not null default true,
        phone varchar(40) not null default '',
        -- a unit liaison acts for exactly one member unit
        check (not ('UNIT_LIAISON' = any (roles)) or unit_id is not null)
      );

      create table user_session (
        id uuid primary key,
        token_hash varchar(64) not null unique,
        user_id uuid not null references app_user (id),
        created_at timestamptz not null,
        expires_at timestamptz not null,
        revoked_at timestamptz,
        address varchar(64) not null default ''
      );
      create index user_session_user on user_session (user_id) where revoked_at is null;

      alter table incident add constraint incident_reported_by_fk foreign key (reported_by_id) references app_user (id);
    `);
  }
}
