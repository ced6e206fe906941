import { Migration } from '@mikro-orm/migrations';

/** Administration of people and units, sign-in throttling, and indexes for searching the audit trail. */
export class Migration0004IdentityAdmin extends Migration {
  override name = '0004-identity-admin';

  override up(): void {
    this.addSql(`
      -- Failed sign-in counters, shared by every replica (modules/identity/login-throttle.ts).
      create table login_throttle (
        scope varchar(10) not null check (scope in ('account', 'address')),
        key varchar(200) not null,
        window_started_at timestamptz not null,
        failures integer not null check (failures > 0),
        primary key (scope, key)
      );
      create index login_throttle_window on login_throttle (window_started_at);

      alter table member_unit
        add constraint member_unit_code_format check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
        add constraint member_unit_name_present check (length(btrim(name)) > 0);

      alter table app_user
        add constraint app_user_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        add constraint app_user_display_name_present check (length(btrim(display_name)) > 0),
        -- HQ staff belong to no member unit; a liaison (whose unit 0003 requires) holds no HQ role,
        -- because HQ roles see every unit and a liaison only their own.
        add constraint app_user_unit_only_for_liaison check (unit_id is null or 'UNIT_LIAISON' = any (roles)),
        add constraint app_user_liaison_alone check (not ('UNIT_LIAISON' = any (roles)) or cardinality(roles) = 1);
      create index app_user_unit on app_user (unit_id) where unit_id is not null;

      alter table user_session add constraint user_session_expiry_after_creation check (expires_at > created_at);

      -- Audit search pages newest first by id, filtered by person, record or operation.
      create index audit_record_actor_id on audit_record (actor_id, id desc);
      create index audit_record_entity_id on audit_record (entity_type, entity_id, id desc);
      create index audit_record_operation_id on audit_record (operation, id desc);
    `);
  }
}
