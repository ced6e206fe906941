import { Migration } from '@mikro-orm/migrations';

/**
 * 值班值守, part 2: HQ instructions passed on (传达) with one delivery per target and its
 * acknowledgement (签收), and the shift handover (交接班) with its snapshot of open items and the
 * two signatures. The shift window is the officer's (no dependency on the roster's tables).
 */
export class Migration0011DutyHandover extends Migration {
  override name = '0011-duty-handover';

  override up(): void {
    this.addSql(`
      create table hq_instruction (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        -- who gave it: 指挥部, 上级, a named leader…
        source varchar(100) not null check (length(btrim(source)) > 0),
        received_at timestamptz not null,
        content varchar(4000) not null check (length(btrim(content)) > 0),
        priority varchar(10) not null check (priority in ('ROUTINE', 'URGENT', 'CRITICAL')),
        recorded_by_id uuid references app_user (id),
        recorded_by_name varchar(100) not null default '',
        -- set when the last delivery is acknowledged: the list's "open" filter and the rule read it
        fully_acknowledged_at timestamptz
      );
      create index hq_instruction_received on hq_instruction (received_at desc, id);
      create index hq_instruction_open on hq_instruction (received_at desc) where fully_acknowledged_at is null;

      create table hq_instruction_delivery (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        instruction_id uuid not null references hq_instruction (id) on delete cascade deferrable initially deferred,
        target_group varchar(16) check (target_group in ('COORDINATION', 'LOGISTICS', 'TRANSPORT', 'DUTY')),
        target_unit_id uuid references member_unit (id),
        target_unit_name varchar(120) not null default '',
        delivered_at timestamptz not null,
        acknowledged_at timestamptz,
        acknowledged_by_id uuid references app_user (id),
        acknowledged_by_name varchar(100) not null default '',
        acknowledgement_note varchar(500) not null default '',
        -- a delivery goes to a group or to a unit, never both or neither
        check ((target_group is null) <> (target_unit_id is null)),
        check ((acknowledged_at is null) = (acknowledged_by_id is null))
      );
      create unique index hq_instruction_delivery_group on hq_instruction_delivery (instruction_id, target_group) where target_group is not null;
      create unique index hq_instruction_delivery_unit on hq_instruction_delivery (instruction_id, target_unit_id) where target_unit_id is not null;
      create index hq_instruction_delivery_waiting on hq_instruction_delivery (delivered_at) where acknowledged_at is null;

      create table shift_handover (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        shift_started_at timestamptz not null,
        shift_ends_at timestamptz not null,
        generated_at timestamptz not null,
        generated_by_id uuid references app_user (id),
        generated_by_name varchar(100) not null default '',
        -- the open items as the modules' services gave them at generation (HandoverItem[], core/handover-items.ts)
        items jsonb not null default '[]'::jsonb check (jsonb_typeof(items) = 'array'),
        note varchar(4000) not null default '',
        previous_id uuid references shift_handover (id),
        outgoing_signed_at timestamptz,
        outgoing_signed_by_id uuid references app_user (id),
        outgoing_signed_by_name varchar(100) not null default '',
        incoming_signed_at timestamptz,
        incoming_signed_by_id uuid references app_user (id),
        incoming_signed_by_name varchar(100) not null default '',
        closed_at timestamptz,
        check (shift_started_at < shift_ends_at and shift_ends_at - shift_started_at <= interval '24 hours'),
        check ((outgoing_signed_at is null) = (outgoing_signed_by_id is null)),
        check ((incoming_signed_at is null) = (incoming_signed_by_id is null)),
        -- 交班人 and 接班人 are two different people
        check (outgoing_signed_by_id is null or incoming_signed_by_id is null or outgoing_signed_by_id <> incoming_signed_by_id),
        -- closed exactly when both have signed
        check ((closed_at is not null) = (outgoing_signed_at is not null and incoming_signed_at is not null))
      );
      -- one handover in the making at a time: the current shift's
      create unique index shift_handover_one_open on shift_handover ((true)) where closed_at is null;
      create index shift_handover_generated on shift_handover (generated_at desc, id);
    `);
  }
}
