import { Migration } from '@mikro-orm/migrations';

/**
 * 后勤保障, part 2: requisitions (防控物资申请审批单) and their lines, the shipments that carry
 * the approved quantities on dispatch orders (one per order and source place) with their item
 * lines, how far each place is from each member unit (就地就近调配: nearest stock first), the
 * supply day's deadlines, the daily allocation plan, the day's summary, and call-ups (plan 5).
 * dispatch_order.requisition_id becomes a real foreign key (ADR 0009: dangling values nulled first).
 */
export class Migration0016RequisitionsAndPlans extends Migration {
  override name = '0016-requisitions-and-plans';

  override up(): void {
    this.addSql(`
      create table requisition_counter (day date primary key, last integer not null check (last > 0));

      create table requisition (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        number varchar(24) not null unique,
        unit_id uuid not null references member_unit (id) deferrable initially deferred,
        unit_name varchar(120) not null,
        urgency varchar(20) not null check (urgency in ('MEDICAL_FRONTLINE', 'FRONTLINE', 'ROUTINE')),
        purpose varchar(500) not null check (length(btrim(purpose)) > 0),
        head_name varchar(60) not null check (length(btrim(head_name)) > 0),
        deliver_to varchar(200) not null check (length(btrim(deliver_to)) > 0),
        status varchar(20) not null check (status in
          ('SUBMITTED', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'WITHDRAWN', 'IN_TRANSIT', 'DELIVERED')),
        plan_day varchar(10) not null check (plan_day ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        submitted_at timestamptz not null,
        submitted_by_id uuid references app_user (id) deferrable initially deferred,
        submitted_by_name varchar(100) not null,
        decided_at timestamptz,
        decided_by_id uuid references app_user (id) deferrable initially deferred,
        decided_by_name varchar(100) not null default '',
        decision_reason varchar(300) not null default '',
        delivered_at timestamptz,
        -- decided exactly when it left SUBMITTED for logistics' decision (not a withdrawal)
        check ((decided_at is not null) = (status not in ('SUBMITTED', 'WITHDRAWN'))),
        -- a refusal, in full or in part, says why
        check (status not in ('REJECTED', 'PARTIALLY_APPROVED') or length(btrim(decision_reason)) > 0),
        check ((delivered_at is not null) = (status = 'DELIVERED'))
      );
      create index requisition_unit on requisition (unit_id, submitted_at desc);
      create index requisition_queue on requisition (submitted_at) where status = 'SUBMITTED';
      create index requisition_plan_day on requisition (plan_day, status);

      create table requisition_line (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        requisition_id uuid not null references requisition (id) on delete cascade deferrable initially deferred,
        position smallint not null check (position between 1 and 30),
        item_id uuid not null references supply_item (id) deferrable initially deferred,
        item_name varchar(60) not null,
        unit_of_measure varchar(10) not null,
        requested integer not null check (requested > 0 and requested <= 100000),
        approved integer check (approved between 0 and requested),
        unique (requisition_id, position),
        unique (requisition_id, item_id)
      );

      create table shipment (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        requisition_id uuid not null references requisition (id) deferrable initially deferred,
        order_id uuid not null unique references dispatch_order (id) deferrable initially deferred,
        order_number varchar(24) not null,
        from_place_id uuid not null references supply_place (id) deferrable initially deferred,
        from_place_name varchar(80) not null,
        status varchar(12) not null check (status in ('PLANNED', 'IN_TRANSIT', 'DELIVERED', 'CANCELLED')),
        departed_at timestamptz,
        arrived_at timestamptz,
        cancelled_at timestamptz,
        check (status = 'CANCELLED' or (departed_at is null) = (status = 'PLANNED')),
        check ((arrived_at is not null) = (status = 'DELIVERED')),
        check ((cancelled_at is not null) = (status = 'CANCELLED')),
        -- one source place per requisition: its lines from that place ride together
        unique (requisition_id, from_place_id)
      );
      create index shipment_requisition on shipment (requisition_id);
      create index shipment_planned_from on shipment (from_place_id) where status = 'PLANNED';

      create table shipment_line (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        shipment_id uuid not null references shipment (id) on delete cascade deferrable initially deferred,
        requisition_line_id uuid not null references requisition_line (id) deferrable initially deferred,
        item_id uuid not null references supply_item (id) deferrable initially deferred,
        item_name varchar(60) not null,
        unit_of_measure varchar(10) not null,
        quantity integer not null check (quantity > 0),
        issue_entry_id uuid unique references supply_entry (id) deferrable initially deferred,
        return_entry_id uuid unique references supply_entry (id) deferrable initially deferred,
        check (return_entry_id is null or issue_entry_id is not null),
        unique (shipment_id, requisition_line_id)
      );

      -- How far a place is from a member unit, in km, for "nearest stock first"; a pair without a
      -- row counts as farthest (then by place code), so a missing distance never blocks a delivery.
      create table supply_distance (
        place_id uuid not null references supply_place (id) on delete cascade deferrable initially deferred,
        unit_id uuid not null references member_unit (id) on delete cascade deferrable initially deferred,
        km numeric(8, 1) not null check (km >= 0 and km <= 10000),
        primary key (place_id, unit_id)
      );

      -- The supply day's deadlines (plan 2 §3.5), HQ wall-clock times; one row, absent = the defaults.
      create table supply_day_setting (
        id smallint primary key check (id = 1),
        needs_by varchar(5) not null,
        plan_approved_by varchar(5) not null,
        delivered_by varchar(5) not null,
        summary_by varchar(5) not null,
        updated_at timestamptz not null,
        updated_by_name varchar(100) not null default '',
        check (needs_by ~ '^([01]\\d|2[0-3]):[0-5]\\d$' and plan_approved_by ~ '^([01]\\d|2[0-3]):[0-5]\\d$'
           and delivered_by ~ '^([01]\\d|2[0-3]):[0-5]\\d$' and summary_by ~ '^([01]\\d|2[0-3]):[0-5]\\d$'),
        check (needs_by < plan_approved_by and plan_approved_by < delivered_by and delivered_by < summary_by)
      );

      -- 当日防控物资调配方案: one per HQ day (每天调配一次), proposed by logistics, approved by a leader
      -- who is not its author.
      create table allocation_plan (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        day varchar(10) not null unique check (day ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        status varchar(12) not null check (status in ('DRAFT', 'APPROVED')),
        proposed_at timestamptz not null,
        proposed_by_id uuid references app_user (id) deferrable initially deferred,
        proposed_by_name varchar(100) not null,
        approved_at timestamptz,
        approved_by_id uuid references app_user (id) deferrable initially deferred,
        approved_by_name varchar(100) not null default '',
        check ((approved_at is not null) = (status = 'APPROVED')),
        check (approved_by_id is null or approved_by_id is distinct from proposed_by_id)
      );

      create table allocation_plan_line (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        plan_id uuid not null references allocation_plan (id) on delete cascade deferrable initially deferred,
        position integer not null check (position > 0),
        requisition_id uuid not null references requisition (id) deferrable initially deferred,
        requisition_line_id uuid not null references requisition_line (id) deferrable initially deferred,
        item_id uuid not null references supply_item (id) deferrable initially deferred,
        place_id uuid not null references supply_place (id) deferrable initially deferred,
        quantity integer not null check (quantity >= 0 and quantity <= 100000),
        unique (plan_id, requisition_line_id, place_id)
      );
      create index allocation_plan_line_plan on allocation_plan_line (plan_id, position);

      -- The day's summary (17:30): marked ready once it was reported to HQ and filed (纪委备案).
      create table supply_day_summary (
        day varchar(10) primary key check (day ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        ready_at timestamptz not null,
        ready_by_id uuid references app_user (id) deferrable initially deferred,
        ready_by_name varchar(100) not null
      );

      -- 应急物资调用 (plan 5): the procedure, its steps (append-only) and its requests to the level above.
      create table call_up (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        title varchar(200) not null check (length(btrim(title)) > 0),
        stage varchar(20) not null check (stage in ('OWN_STOCK', 'SUPPORT_REQUESTED', 'EMERGENCY_SUPPORT', 'ENDED')),
        opened_at timestamptz not null,
        opened_by_name varchar(100) not null,
        ended_at timestamptz,
        check ((ended_at is not null) = (stage = 'ENDED'))
      );
      create index call_up_open on call_up (opened_at desc) where stage <> 'ENDED';

      create table call_up_step (
        id uuid primary key,
        call_up_id uuid not null references call_up (id) deferrable initially deferred,
        stage varchar(20) not null check (stage in ('OWN_STOCK', 'SUPPORT_REQUESTED', 'EMERGENCY_SUPPORT', 'ENDED')),
        note varchar(500) not null check (length(btrim(note)) > 0),
        at timestamptz not null,
        by_id uuid references app_user (id) deferrable initially deferred,
        by_name varchar(100) not null
      );
      create index call_up_step_call_up on call_up_step (call_up_id, at);
      create function call_up_step_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'call_up_step is append-only' using errcode = 'insufficient_privilege';
      end $$;
      create trigger call_up_step_no_update before update or delete or truncate on call_up_step
        for each statement execute function call_up_step_is_append_only();

      create table support_request (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        call_up_id uuid not null references call_up (id) deferrable initially deferred,
        item_id uuid not null references supply_item (id) deferrable initially deferred,
        quantity integer not null check (quantity > 0 and quantity <= 10000000),
        asked_of varchar(120) not null check (length(btrim(asked_of)) > 0),
        received integer not null default 0 check (received >= 0),
        status varchar(20) not null check (status in ('OPEN', 'CLOSED_BY_INTAKE', 'WITHDRAWN')),
        requested_at timestamptz not null,
        closed_at timestamptz,
        closing_intake_id uuid references supply_intake (id) deferrable initially deferred,
        check ((closed_at is not null) = (status <> 'OPEN')),
        check ((closing_intake_id is not null) = (status = 'CLOSED_BY_INTAKE'))
      );
      -- an intake closes one request at most: it cannot be counted twice
      create table support_request_intake (
        intake_id uuid primary key references supply_intake (id) deferrable initially deferred,
        request_id uuid not null references support_request (id) deferrable initially deferred,
        quantity integer not null check (quantity > 0)
      );

      -- The read-only oversight role (纪委备案) reads the day's supply summary.
      alter table app_user drop constraint app_user_roles_check;
      alter table app_user add constraint app_user_roles_check check (cardinality(roles) > 0 and roles <@
        array['DUTY_OFFICER','LEADER','DISPATCHER','LOGISTICS_OFFICER','COORDINATOR','UNIT_LIAISON','ADMIN','INSPECTOR']::text[]);

      update dispatch_order set requisition_id = null
        where requisition_id is not null and not exists (select 1 from requisition r where r.id = requisition_id);
      alter table dispatch_order add constraint dispatch_order_requisition_id_fkey
        foreign key (requisition_id) references requisition (id) on delete set null deferrable initially deferred;
      create index dispatch_order_requisition on dispatch_order (requisition_id) where requisition_id is not null;
    `);
  }
}
