import { Migration } from '@mikro-orm/migrations';

/**
 * 排班表: shifts of the 24-hour watch and who is on each, in which role. A person appears at
 * most once per shift (the unique index, whatever races above it); a shift ends after it starts
 * and lasts at most 26 hours (a day's watch plus a handover overlap). Shifts may overlap.
 */
export class Migration0009DutyRoster extends Migration {
  override name = '0009-duty-roster';

  override up(): void {
    this.addSql(`
      create table duty_shift (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        note varchar(200) not null default '',
        created_by_id uuid references app_user (id),
        check (ends_at > starts_at),
        check (ends_at - starts_at <= interval '26 hours')
      );
      create index duty_shift_span on duty_shift (starts_at, ends_at);
      create index duty_shift_ends on duty_shift (ends_at);

      create table duty_shift_member (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        shift_id uuid not null references duty_shift (id) on delete cascade deferrable initially deferred,
        user_id uuid not null references app_user (id),
        role varchar(8) not null check (role in ('OFFICER', 'LEADER', 'BACKUP')),
        checked_in_at timestamptz
      );
      create unique index duty_shift_member_once on duty_shift_member (shift_id, user_id);
      create index duty_shift_member_user on duty_shift_member (user_id);
    `);
  }
}
