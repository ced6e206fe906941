import { Migration } from '@mikro-orm/migrations';

/**
 * 值班记录: the duty phone's calls, their forwards (运转), what they were turned into and their
 * corrections. Numbers are gap-free per HQ day: one counter row per day, incremented under its
 * row lock in the logging transaction (a rolled-back entry rolls its number back too).
 * Corrections are append-only, enforced here as the audit trail and vehicle history are.
 * Also the links other modules keep to a call: dispatch_order.call_id becomes a real foreign key
 * (ADR 0009: values matching no call are nulled first) and incident.source_call_id is added.
 */
export class Migration0010DutyCalls extends Migration {
  override name = '0010-duty-calls';

  override up(): void {
    this.addSql(`
      create table duty_call_counter (
        day date primary key,
        last integer not null check (last > 0)
      );

      create table duty_call (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        number varchar(20) not null unique check (number ~ '^ZB-[0-9]{8}-[0-9]{3,}$'),
        hq_day date not null,
        sequence integer not null check (sequence > 0),
        received_at timestamptz not null,
        logged_at timestamptz not null,
        caller_name varchar(100) not null check (length(btrim(caller_name)) > 0),
        caller_phone varchar(30),
        unit_id uuid references member_unit (id),
        unit_text varchar(200),
        category varchar(20) not null check (category in
          ('EPIDEMIC_REPORT', 'SUPPLY_NEED', 'TRANSPORT', 'PERMIT_ENQUIRY', 'PETITION', 'HQ_INSTRUCTION', 'OTHER')),
        urgency varchar(10) not null check (urgency in ('ROUTINE', 'URGENT', 'CRITICAL')),
        summary varchar(2000) not null check (length(btrim(summary)) > 0),
        notes text check (length(notes) <= 5000),
        status varchar(10) not null check (status in ('OPEN', 'FORWARDED', 'CLOSED')),
        logged_by_id uuid references app_user (id),
        logged_by_name varchar(100) not null,
        claimed_by_id uuid references app_user (id),
        claimed_by_name varchar(100),
        claimed_at timestamptz,
        forwarded_at timestamptz,
        closed_at timestamptz,
        close_note varchar(1000),
        unique (hq_day, sequence),
        check ((claimed_by_id is null) = (claimed_at is null)),
        check (status <> 'FORWARDED' or forwarded_at is not null),
        check ((status = 'CLOSED') = (closed_at is not null))
      );
      -- today's log, newest first; search is ILIKE over one day's rows (a few hundred at most)
      create index duty_call_day on duty_call (hq_day, received_at desc, id);
      create index duty_call_caller on duty_call (logged_at desc) include (caller_name, caller_phone, unit_id, unit_text);

      create table duty_call_forward (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        call_id uuid not null references duty_call (id),
        target_group varchar(16) check (target_group in ('COORDINATION', 'LOGISTICS', 'TRANSPORT', 'DUTY')),
        target_unit_id uuid references member_unit (id),
        note varchar(1000),
        forwarded_at timestamptz not null,
        forwarded_by_id uuid references app_user (id),
        forwarded_by_name varchar(100) not null,
        acknowledged_at timestamptz,
        acknowledged_by_id uuid references app_user (id),
        acknowledged_by_name varchar(100),
        acknowledgement_note varchar(1000),
        check ((target_group is null) <> (target_unit_id is null)),
        check (acknowledged_at is null or acknowledged_at >= forwarded_at)
      );
      create index duty_call_forward_call on duty_call_forward (call_id, forwarded_at);
      create index duty_call_forward_group on duty_call_forward (target_group, forwarded_at desc) where target_group is not null;
      create index duty_call_forward_unit on duty_call_forward (target_unit_id, forwarded_at desc) where target_unit_id is not null;
      create index duty_call_forward_waiting on duty_call_forward (forwarded_at) where acknowledged_at is null;
      -- one forward waiting per call and target: forwarding again before it is acknowledged is a double click
      create unique index duty_call_forward_one_waiting_group on duty_call_forward (call_id, target_group)
        where acknowledged_at is null and target_group is not null;
      create unique index duty_call_forward_one_waiting_unit on duty_call_forward (call_id, target_unit_id)
        where acknowledged_at is null and target_unit_id is not null;

      create table duty_call_outcome (
        id uuid primary key,
        call_id uuid not null references duty_call (id),
        kind varchar(16) not null check (kind in ('INCIDENT', 'DISPATCH_ORDER')),
        incident_id uuid references incident (id),
        dispatch_order_id uuid references dispatch_order (id) deferrable initially deferred,
        label varchar(300) not null,
        created_at timestamptz not null,
        created_by_id uuid references app_user (id),
        created_by_name varchar(100) not null,
        check ((kind = 'INCIDENT') = (incident_id is not null)),
        check ((kind = 'DISPATCH_ORDER') = (dispatch_order_id is not null))
      );
      create index duty_call_outcome_call on duty_call_outcome (call_id, created_at);

      create table duty_call_correction (
        id uuid primary key,
        call_id uuid not null references duty_call (id),
        field varchar(20) not null check (field in
          ('callerName', 'callerPhone', 'unitText', 'category', 'urgency', 'summary', 'notes', 'receivedAt')),
        previous_value text,
        new_value text,
        reason varchar(500) not null check (length(btrim(reason)) > 0),
        corrected_at timestamptz not null,
        corrected_by_id uuid references app_user (id),
        corrected_by_name varchar(100) not null
      );
      create index duty_call_correction_call on duty_call_correction (call_id, corrected_at);

      create function duty_call_correction_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'duty_call_correction is append-only' using errcode = 'insufficient_privilege';
      end $$;
      create trigger duty_call_correction_no_update before update or delete or truncate on duty_call_correction
        for each statement execute function duty_call_correction_is_append_only();

      -- The links other modules keep to a call (ADR 0009): nulled where they point nowhere, then checked.
      update dispatch_order set call_id = null where call_id is not null and not exists (select 1 from duty_call c where c.id = call_id);
      alter table dispatch_order add constraint dispatch_order_call_id_fkey
        foreign key (call_id) references duty_call (id) on delete set null;
      create index dispatch_order_call on dispatch_order (call_id) where call_id is not null;
      alter table incident add column source_call_id uuid references duty_call (id) on delete set null;
      create index incident_source_call on incident (source_call_id) where source_call_id is not null;
    `);
  }
}
