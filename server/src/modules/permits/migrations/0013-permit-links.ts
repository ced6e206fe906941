import { Migration } from '@mikro-orm/migrations';

/**
 * 通行证 meets 运输调配 (issue 21): the permit a vehicle travels under on a job, the standing
 * permits standby vehicles hold, and the confirmations that two valid permits of one vehicle
 * overlap on purpose. The rules (same plate, cargo, window) are the service's; the database
 * keeps what must hold whatever the code does: one permit per job, one standing permit per
 * vehicle and per permit, and an append-only record of overlap confirmations with a reason.
 * Keys to dispatch's tables are checked at commit, as dispatch's own are (0005).
 */
export class Migration0013PermitLinks extends Migration {
  override name = '0013-permit-links';

  override up(): void {
    this.addSql(`
      create table permit_assignment_link (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        permit_id uuid not null references traffic_permit (id) deferrable initially deferred,
        assignment_id uuid not null unique references vehicle_assignment (id) deferrable initially deferred,
        order_id uuid not null references dispatch_order (id) deferrable initially deferred,
        vehicle_id uuid not null references vehicle (id) deferrable initially deferred,
        plate varchar(16) not null check (length(btrim(plate)) >= 5),
        expected_end_at timestamptz not null,
        attached_at timestamptz not null,
        attached_by_id uuid references app_user (id),
        attached_by_name varchar(100) not null,
        check (expected_end_at > attached_at)
      );
      create index permit_assignment_link_permit on permit_assignment_link (permit_id);
      create index permit_assignment_link_vehicle on permit_assignment_link (vehicle_id, attached_at desc);

      create table standing_permit (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        vehicle_id uuid not null unique references vehicle (id) deferrable initially deferred,
        permit_id uuid not null unique references traffic_permit (id) deferrable initially deferred,
        plate varchar(16) not null check (length(btrim(plate)) >= 5),
        granted_at timestamptz not null,
        granted_by_id uuid references app_user (id),
        granted_by_name varchar(100) not null
      );

      create table permit_overlap_confirmation (
        id uuid primary key,
        at timestamptz not null,
        permit_id uuid not null references traffic_permit (id) deferrable initially deferred,
        other_permit_id uuid not null references traffic_permit (id) deferrable initially deferred,
        action varchar(16) not null check (action in ('APPROVE', 'ATTACH', 'GRANT_STANDING')),
        reason varchar(300) not null check (length(btrim(reason)) > 0),
        by_id uuid references app_user (id),
        by_name varchar(100) not null default '',
        check (permit_id <> other_permit_id)
      );
      create index permit_overlap_confirmation_permit on permit_overlap_confirmation (permit_id, at desc);

      create function permit_overlap_confirmation_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'permit_overlap_confirmation is append-only' using errcode = 'insufficient_privilege';
      end $$;
      create trigger permit_overlap_confirmation_no_update before update or delete or truncate on permit_overlap_confirmation
        for each statement execute function permit_overlap_confirmation_is_append_only();
    `);
  }
}
