import { Migration } from '@mikro-orm/migrations';

/**
 * 后勤保障: the supply catalogue, the places that hold stock, the intake steps and THE ledger
 * (ADR 0017). The ledger is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); a
 * correction is a REVERSAL entry naming the entry it reverses, at most once (unique). Balances
 * are one row per (item, place, reserved-for unit), changed only by the insert trigger of the
 * ledger, in the same transaction as the entry; `quantity >= 0` is the backstop under any race
 * (the service locks the rows first, item id then place id, and answers a typed CONFLICT).
 */
export class Migration0015SupplyLedger extends Migration {
  override name = '0015-supply-ledger';

  override up(): void {
    this.addSql(`
      create table supply_item (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        name varchar(60) not null unique check (length(btrim(name)) > 0),
        unit_of_measure varchar(10) not null check (length(btrim(unit_of_measure)) > 0),
        category varchar(24) not null
          check (category in ('DISINFECTANT', 'MASKS', 'PROTECTIVE_SUITS', 'THERMOMETERS', 'FOOD_AND_NECESSITIES', 'OTHER')),
        -- plan 2 §3.4: medical masks and suits go to the health system only (专物专用)
        channel_unit_id uuid references member_unit (id),
        -- alert when a place holds fewer days of cover than this (plan 4: a week of necessities)
        cover_days_floor integer check (cover_days_floor between 1 and 365),
        active boolean not null default true
      );

      create table supply_place (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        code varchar(40) not null unique check (code ~ '^[A-Z][A-Z0-9_-]*$'),
        name varchar(80) not null check (length(btrim(name)) > 0),
        kind varchar(12) not null check (kind in ('DEPOT', 'CHECKPOINT', 'UNIT')),
        unit_id uuid references member_unit (id),
        -- 专人专库: a depot has its designated keeper; the stand-in posts when the keeper cannot
        keeper_id uuid references app_user (id),
        keeper_name varchar(100) not null default '',
        stand_in_id uuid references app_user (id),
        stand_in_name varchar(100) not null default '',
        active boolean not null default true,
        check (kind <> 'DEPOT' or keeper_id is not null),
        check (kind <> 'UNIT' or unit_id is not null),
        check (stand_in_id is null or stand_in_id is distinct from keeper_id)
      );
      create index supply_place_unit on supply_place (unit_id) where unit_id is not null;

      -- 验收、核实、登记、入库: one receipt through its four steps, who and when for each.
      create table supply_intake (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        item_id uuid not null references supply_item (id) deferrable initially deferred,
        place_id uuid not null references supply_place (id) deferrable initially deferred,
        quantity integer not null check (quantity > 0 and quantity <= 10000000),
        source varchar(24) not null check (source in ('CENTRAL_PURCHASE', 'LOCAL_PRODUCTION', 'ALLOCATION_FROM_ABOVE', 'DONATION')),
        supplier varchar(120) not null default '',
        -- 定点捐赠: a directed donation stays reserved for its recipient, outside the allocatable pool
        reserved_for_unit_id uuid references member_unit (id),
        -- 先采购后备案: an emergency purchase filed after the fact
        filed_after_purchase boolean not null default false,
        purchased_on date,
        status varchar(12) not null check (status in ('ACCEPTED', 'VERIFIED', 'REGISTERED', 'STOCKED')),
        accepted_at timestamptz not null,
        accepted_by_id uuid references app_user (id),
        accepted_by_name varchar(100) not null,
        verified_at timestamptz,
        verified_by_id uuid references app_user (id),
        verified_by_name varchar(100),
        quality_note varchar(500) not null default '',
        registered_at timestamptz,
        registered_by_id uuid references app_user (id),
        registered_by_name varchar(100),
        stocked_at timestamptz,
        stocked_by_id uuid references app_user (id),
        stocked_by_name varchar(100),
        note varchar(500) not null default '',
        check (reserved_for_unit_id is null or source = 'DONATION'),
        check (not filed_after_purchase or (source = 'CENTRAL_PURCHASE' and purchased_on is not null)),
        check (status = 'ACCEPTED' or verified_at is not null),
        check (status not in ('REGISTERED', 'STOCKED') or registered_at is not null),
        check (status <> 'STOCKED' or stocked_at is not null)
      );
      create index supply_intake_open on supply_intake (accepted_at desc) where status <> 'STOCKED';
      create index supply_intake_accepted on supply_intake (accepted_at desc);

      create table supply_entry (
        id uuid primary key,
        seq bigint generated always as identity unique,
        kind varchar(12) not null check (kind in ('INTAKE', 'ISSUE', 'TRANSFER', 'ADJUSTMENT', 'REVERSAL')),
        item_id uuid not null references supply_item (id) deferrable initially deferred,
        quantity integer not null check (quantity > 0 and quantity <= 10000000),
        from_place_id uuid references supply_place (id) deferrable initially deferred,
        to_place_id uuid references supply_place (id) deferrable initially deferred,
        reserved_for_unit_id uuid references member_unit (id),
        recipient_unit_id uuid references member_unit (id),
        recipient_text varchar(120) not null default '',
        intake_id uuid unique references supply_intake (id) deferrable initially deferred,
        reverses_entry_id uuid unique references supply_entry (id),
        reason varchar(300) not null default '',
        note varchar(500) not null default '',
        posted_at timestamptz not null,
        posted_by_id uuid references app_user (id),
        posted_by_name varchar(100) not null,
        check (from_place_id is not null or to_place_id is not null),
        check (from_place_id is distinct from to_place_id),
        check (kind <> 'INTAKE' or (to_place_id is not null and from_place_id is null and intake_id is not null)),
        check (kind <> 'ISSUE' or (from_place_id is not null and to_place_id is null)),
        check (kind <> 'TRANSFER' or (from_place_id is not null and to_place_id is not null)),
        check (kind <> 'ADJUSTMENT' or length(btrim(reason)) > 0),
        check ((kind = 'REVERSAL') = (reverses_entry_id is not null)),
        check (kind <> 'REVERSAL' or length(btrim(reason)) > 0),
        -- a directed donation goes to its recipient and no one else
        check (kind <> 'ISSUE' or reserved_for_unit_id is null or recipient_unit_id = reserved_for_unit_id)
      );
      create index supply_entry_item_place on supply_entry (item_id, from_place_id, posted_at);
      create index supply_entry_to on supply_entry (item_id, to_place_id, posted_at);
      create index supply_entry_posted on supply_entry (posted_at desc, seq desc);
      create index supply_entry_seq_desc on supply_entry (seq desc);

      create function supply_entry_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'supply_entry is append-only: post a reversal instead' using errcode = 'insufficient_privilege';
      end $$;
      create trigger supply_entry_no_update before update or delete or truncate on supply_entry
        for each statement execute function supply_entry_is_append_only();

      -- Derived: the sum of the ledger per (item, place, reserved-for unit). Only the trigger below writes it.
      create table supply_balance (
        item_id uuid not null references supply_item (id) deferrable initially deferred,
        place_id uuid not null references supply_place (id) deferrable initially deferred,
        reserved_for_unit_id uuid references member_unit (id),
        quantity bigint not null default 0 check (quantity >= 0),
        updated_at timestamptz not null,
        last_entry_seq bigint not null default 0,
        unique nulls not distinct (item_id, place_id, reserved_for_unit_id)
      );
      create index supply_balance_place on supply_balance (place_id, item_id);

      create function supply_entry_apply() returns trigger language plpgsql as $$
      begin
        if new.from_place_id is not null then
          update supply_balance set quantity = quantity - new.quantity, updated_at = new.posted_at, last_entry_seq = new.seq
            where item_id = new.item_id and place_id = new.from_place_id
              and reserved_for_unit_id is not distinct from new.reserved_for_unit_id;
          if not found then
            raise exception 'no stock of item % at place %', new.item_id, new.from_place_id using errcode = 'check_violation';
          end if;
        end if;
        if new.to_place_id is not null then
          insert into supply_balance (item_id, place_id, reserved_for_unit_id, quantity, updated_at, last_entry_seq)
            values (new.item_id, new.to_place_id, new.reserved_for_unit_id, new.quantity, new.posted_at, new.seq)
            on conflict (item_id, place_id, reserved_for_unit_id)
            do update set quantity = supply_balance.quantity + excluded.quantity, updated_at = excluded.updated_at,
              last_entry_seq = excluded.last_entry_seq;
        end if;
        return new;
      end $$;
      create trigger supply_entry_apply after insert on supply_entry for each row execute function supply_entry_apply();

      -- The minimum an item should not fall below at a place (alerts); one row per pair.
      create table supply_stock_minimum (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        item_id uuid not null references supply_item (id) deferrable initially deferred,
        place_id uuid not null references supply_place (id) deferrable initially deferred,
        minimum integer not null check (minimum >= 0 and minimum <= 10000000),
        unique (item_id, place_id)
      );
    `);
  }
}
