import { Migration } from '@mikro-orm/migrations';

/**
 * 运输调配: the three companies' standby fleet, dispatch orders (调度单) and who drove what.
 * Foreign keys inside the module are checked at COMMIT (deferred): the entities refer to each
 * other by plain ids, so the ORM does not order the inserts of one unit of work by them.
 * The database is the last line against a double assignment: whatever the code does, a
 * vehicle can hold only one active assignment (the partial unique index below).
 */
export class Migration0005Dispatch extends Migration {
  override name = '0005-dispatch';

  override up(): void {
    this.addSql(`
      create table transport_company (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        code varchar(20) not null unique check (code ~ '^[A-Z][A-Z0-9_]*$'),
        name varchar(60) not null check (length(btrim(name)) > 0),
        -- plan 3: five vehicles each on standby (随时待命); HQ may raise or lower it
        standby_quota integer not null default 5 check (standby_quota between 0 and 100)
      );

      -- Plan 3 names the three companies; they are reference data, present in every installation.
      insert into transport_company (id, created_at, updated_at, code, name) values
        (gen_random_uuid(), now(), now(), 'GROUP', '集团公司'),
        (gen_random_uuid(), now(), now(), 'WANPING', '宛平分公司'),
        (gen_random_uuid(), now(), now(), 'MOTOR', '汽车运输公司');

      -- One row: fleet-wide settings the administrator may change.
      create table fleet_setting (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        singleton boolean not null default true unique check (singleton),
        ready_floor integer not null default 10 check (ready_floor between 0 and 1000)
      );
      insert into fleet_setting (id, created_at, updated_at) values (gen_random_uuid(), now(), now());

      create table vehicle (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        company_id uuid not null references transport_company (id) deferrable initially deferred,
        plate varchar(16) not null unique check (length(btrim(plate)) >= 5),
        vehicle_type varchar(24) not null
          check (vehicle_type in ('TRUCK', 'BOX_TRUCK', 'REFRIGERATED_TRUCK', 'TANKER', 'PASSENGER')),
        capacity_tonnes numeric(6, 2) not null check (capacity_tonnes > 0 and capacity_tonnes <= 100),
        driver_name varchar(40) not null check (length(btrim(driver_name)) > 0),
        driver_phone varchar(20) not null check (driver_phone ~ '^[-0-9+ ]{5,20}$'),
        condition_checked_on date not null,
        notes varchar(1000) not null default '',
        status varchar(16) not null default 'STANDBY'
          check (status in ('STANDBY', 'ASSIGNED', 'EN_ROUTE', 'ON_SITE', 'RETURNING', 'MAINTENANCE', 'OFF_DUTY')),
        status_since timestamptz not null
      );
      create index vehicle_company on vehicle (company_id, plate);

      create table dispatch_order (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        number varchar(24) not null unique check (number ~ '^DD-[0-9]{8}-[0-9]{3,}$'),
        cargo_kind varchar(32) not null check (cargo_kind in
          ('EPIDEMIC_SUPPLIES', 'DAILY_NECESSITIES', 'COAL', 'FUEL', 'PRODUCTION_MATERIALS', 'MEDICAL_TRANSFER', 'CHECKPOINT_REPLENISHMENT')),
        cargo_description varchar(200) not null default '',
        cargo_amount numeric(10, 2) not null check (cargo_amount > 0),
        cargo_unit varchar(12) not null check (cargo_unit in ('TONNES', 'PIECES', 'PERSONS')),
        origin varchar(200) not null check (length(btrim(origin)) > 0),
        destination varchar(200) not null check (length(btrim(destination)) > 0),
        green_channel boolean not null,
        urgent boolean not null default false,
        priority smallint not null check (priority between 1 and 4),
        requested_at timestamptz not null,
        requesting_group varchar(16) check (requesting_group in ('COORDINATION', 'LOGISTICS', 'TRANSPORT', 'DUTY')),
        requesting_unit_id uuid references member_unit (id),
        incident_id uuid references incident (id),
        -- the call, requisition and permit modules come later; their FKs are added with them
        call_id uuid,
        requisition_id uuid,
        permit_id uuid,
        notes varchar(2000) not null default '',
        status varchar(12) not null
          check (status in ('REQUESTED', 'OPEN', 'ASSIGNED', 'DEPARTED', 'ARRIVED', 'COMPLETED', 'CANCELLED')),
        created_by_id uuid references app_user (id),
        created_by_name varchar(100) not null default '',
        assigned_at timestamptz,
        departed_at timestamptz,
        arrived_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason varchar(300) not null default '',
        -- someone asked for it: a working group of HQ or a member unit
        check (requesting_group is not null or requesting_unit_id is not null),
        -- every status after a step carries that step's time
        check (status not in ('DEPARTED', 'ARRIVED', 'COMPLETED') or departed_at is not null),
        check (status not in ('ARRIVED', 'COMPLETED') or arrived_at is not null),
        check (status <> 'COMPLETED' or completed_at is not null),
        check (status <> 'CANCELLED' or (cancelled_at is not null and length(btrim(cancel_reason)) > 0)),
        check (departed_at is null or assigned_at is not null and departed_at >= assigned_at),
        check (arrived_at is null or departed_at is not null and arrived_at >= departed_at)
      );
      create index dispatch_order_queue on dispatch_order (priority, requested_at)
        where status in ('REQUESTED', 'OPEN', 'ASSIGNED', 'DEPARTED', 'ARRIVED');
      create index dispatch_order_created on dispatch_order (created_at desc);
      create index dispatch_order_unit on dispatch_order (requesting_unit_id, created_at desc) where requesting_unit_id is not null;

      -- Numbers DD-yyyymmdd-nnn, one counter row per HQ day, taken under the row lock.
      create table dispatch_order_counter (
        day date primary key,
        last integer not null check (last > 0)
      );

      create table vehicle_assignment (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        order_id uuid not null references dispatch_order (id) deferrable initially deferred,
        vehicle_id uuid not null references vehicle (id) deferrable initially deferred,
        assigned_by_id uuid references app_user (id),
        assigned_by_name varchar(100) not null,
        assigned_at timestamptz not null,
        released_at timestamptz,
        check (released_at is null or released_at >= assigned_at)
      );
      -- THE backstop: one active assignment per vehicle, whatever races above it.
      create unique index vehicle_assignment_one_active on vehicle_assignment (vehicle_id) where released_at is null;
      create index vehicle_assignment_order on vehicle_assignment (order_id);
      create index vehicle_assignment_vehicle on vehicle_assignment (vehicle_id, assigned_at desc);
      create index vehicle_assignment_assigned_at on vehicle_assignment (assigned_at);

      -- Each vehicle's history: every status it took, when, by whom, for which order. Append-only.
      create table vehicle_status_change (
        id uuid primary key,
        at timestamptz not null,
        vehicle_id uuid not null references vehicle (id) deferrable initially deferred,
        from_status varchar(16)
          check (from_status in ('STANDBY', 'ASSIGNED', 'EN_ROUTE', 'ON_SITE', 'RETURNING', 'MAINTENANCE', 'OFF_DUTY')),
        to_status varchar(16) not null
          check (to_status in ('STANDBY', 'ASSIGNED', 'EN_ROUTE', 'ON_SITE', 'RETURNING', 'MAINTENANCE', 'OFF_DUTY')),
        order_id uuid references dispatch_order (id) deferrable initially deferred,
        by_id uuid references app_user (id),
        by_name varchar(100) not null default '',
        note varchar(500) not null default ''
      );
      create index vehicle_status_change_vehicle on vehicle_status_change (vehicle_id, at desc);
      create index vehicle_status_change_at on vehicle_status_change (at);

      create function vehicle_status_change_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'vehicle_status_change is append-only' using errcode = 'insufficient_privilege';
      end $$;
      create trigger vehicle_status_change_no_update before update or delete or truncate on vehicle_status_change
        for each statement execute function vehicle_status_change_is_append_only();
    `);
  }
}
