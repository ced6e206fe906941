import { Migration } from '@mikro-orm/migrations';

/**
 * 通行证: requests and the permits issued from them. The rules the database keeps whatever the
 * code does: a sane window (ends after it starts, at most 30 days); a permit's window inside the
 * window its request asked for (never widened); a decided request never reopens; a permit never
 * changes once issued except for its one revocation, which is never taken back; permits are
 * never deleted. Numbers are unique and well-formed (TXZ- + 12 Crockford characters + check).
 */
export class Migration0012TrafficPermits extends Migration {
  override name = '0012-traffic-permits';

  override up(): void {
    this.addSql(`
      create table permit_request (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        unit_id uuid not null references member_unit (id),
        unit_name varchar(200) not null,
        applicant_name varchar(200) not null check (length(btrim(applicant_name)) > 0),
        contact_name varchar(100) not null check (length(btrim(contact_name)) > 0),
        contact_phone varchar(30) not null,
        plate varchar(10) not null check (plate ~ '^[^a-z\\s]{7,8}$'),
        vehicle_type varchar(20) not null check (vehicle_type in ('TRUCK', 'BOX_TRUCK', 'REFRIGERATED_TRUCK', 'TANKER', 'VAN', 'OTHER')),
        driver_name varchar(100) not null check (length(btrim(driver_name)) > 0),
        driver_id_masked varchar(18) not null check (driver_id_masked ~ '^[0-9]{3}\\*{11}[0-9]{3}[0-9X]$'),
        cargo_kind varchar(24) not null check (cargo_kind in ('EPIDEMIC_SUPPLIES', 'DAILY_NECESSITIES', 'COAL', 'FUEL', 'PRODUCTION_MATERIALS')),
        cargo_description varchar(500),
        green_channel boolean not null,
        origin varchar(200) not null check (length(btrim(origin)) > 0),
        destinations jsonb not null check (jsonb_typeof(destinations) = 'array' and jsonb_array_length(destinations) between 1 and 10),
        requested_from timestamptz not null,
        requested_until timestamptz not null,
        status varchar(12) not null check (status in ('SUBMITTED', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
        filed_at timestamptz not null,
        submitted_at timestamptz not null,
        filed_by_id uuid references app_user (id),
        filed_by_name varchar(100) not null,
        duty_call_id uuid references duty_call (id),
        question varchar(500),
        answer varchar(1000),
        decided_at timestamptz,
        decided_by_id uuid references app_user (id),
        decided_by_name varchar(100),
        rejection_reason varchar(500),
        check (green_channel = (cargo_kind = 'EPIDEMIC_SUPPLIES')),
        check (requested_until > requested_from),
        check (requested_until <= requested_from + interval '30 days'),
        check (submitted_at >= filed_at),
        check ((status in ('APPROVED', 'REJECTED', 'WITHDRAWN')) = (decided_at is not null)),
        check ((status = 'REJECTED') = (rejection_reason is not null)),
        check (status <> 'NEEDS_INFO' or question is not null)
      );
      -- the review queue: green channel first, then the longest waiting (permitQueue is one scan of this)
      create index permit_request_queue on permit_request (green_channel desc, submitted_at, id) where status = 'SUBMITTED';
      create index permit_request_unit on permit_request (unit_id, filed_at desc, id);
      create index permit_request_call on permit_request (duty_call_id) where duty_call_id is not null;

      create function permit_request_decided_is_final() returns trigger language plpgsql as $$
      begin
        if old.status in ('APPROVED', 'REJECTED', 'WITHDRAWN') then
          raise exception 'permit request % is decided (%) and never reopens', old.id, old.status using errcode = 'check_violation';
        end if;
        return new;
      end $$;
      create trigger permit_request_decided_final before update on permit_request
        for each row execute function permit_request_decided_is_final();

      create table traffic_permit (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        number varchar(17) not null unique check (number ~ '^TXZ-[0-9A-HJKMNP-TV-Z]{12}[0-9A-HJKMNP-TV-Z*~$=U]$'),
        request_id uuid not null unique references permit_request (id),
        unit_id uuid not null references member_unit (id),
        unit_name varchar(200) not null,
        applicant_name varchar(200) not null,
        plate varchar(10) not null,
        vehicle_type varchar(20) not null,
        driver_name varchar(100) not null,
        driver_id_masked varchar(18) not null check (driver_id_masked ~ '^[0-9]{3}\\*{11}[0-9]{3}[0-9X]$'),
        cargo_kind varchar(24) not null,
        green_channel boolean not null,
        origin varchar(200) not null,
        destinations jsonb not null,
        valid_from timestamptz not null,
        valid_until timestamptz not null,
        issued_at timestamptz not null,
        issued_by_id uuid references app_user (id),
        issued_by_name varchar(100) not null,
        revoked_at timestamptz,
        revoked_by_id uuid references app_user (id),
        revoked_by_name varchar(100),
        revocation_reason varchar(500),
        check (valid_until > valid_from),
        check ((revoked_at is null) = (revocation_reason is null)),
        check (revoked_at is null or revoked_at >= issued_at)
      );
      -- search by plate and applicant: ILIKE over trigram indexes would need pg_trgm; the list is paged newest first
      create index traffic_permit_issued on traffic_permit (issued_at desc, id);
      create index traffic_permit_unit on traffic_permit (unit_id, issued_at desc);
      create index traffic_permit_plate on traffic_permit (plate);
      create index traffic_permit_revoked on traffic_permit (revoked_at) where revoked_at is not null;

      -- Approved inside what was asked: a reviewer narrows a window, never widens it.
      create function traffic_permit_inside_request() returns trigger language plpgsql as $$
      declare r permit_request%rowtype;
      begin
        select * into r from permit_request where id = new.request_id;
        if new.valid_from < r.requested_from or new.valid_until > r.requested_until then
          raise exception 'permit % is valid outside the window its request asked for', new.number using errcode = 'check_violation';
        end if;
        return new;
      end $$;
      create trigger traffic_permit_inside_request before insert on traffic_permit
        for each row execute function traffic_permit_inside_request();

      -- Issued is issued: only the revocation is ever written afterwards, once, and never taken back.
      create function traffic_permit_only_revoked_once() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'UPDATE' then
          raise exception 'traffic permits are never deleted' using errcode = 'insufficient_privilege';
        end if;
        if old.revoked_at is not null then
          raise exception 'permit % is revoked and stays revoked', old.number using errcode = 'check_violation';
        end if;
        if (new.number, new.request_id, new.unit_id, new.applicant_name, new.plate, new.vehicle_type, new.driver_name,
            new.driver_id_masked, new.cargo_kind, new.green_channel, new.origin, new.destinations, new.valid_from,
            new.valid_until, new.issued_at, new.issued_by_id)
           is distinct from
           (old.number, old.request_id, old.unit_id, old.applicant_name, old.plate, old.vehicle_type, old.driver_name,
            old.driver_id_masked, old.cargo_kind, old.green_channel, old.origin, old.destinations, old.valid_from,
            old.valid_until, old.issued_at, old.issued_by_id) then
          raise exception 'permit % cannot be changed once issued; revoke it and issue a new one', old.number
            using errcode = 'check_violation';
        end if;
        return new;
      end $$;
      create trigger traffic_permit_issued_is_final before update or delete on traffic_permit
        for each row execute function traffic_permit_only_revoked_once();
      create trigger traffic_permit_no_truncate before truncate on traffic_permit
        for each statement execute function traffic_permit_only_revoked_once();
    `);
  }
}
