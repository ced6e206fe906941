import { Migration } from '@mikro-orm/migrations';

/**
 * 综合协调, daily reports (日报告 / 零报告, ADR 0020): report types HQ configures, each with its
 * own due time (HQ wall-clock time, UTC+8) and a small schema of labelled fields; one report per
 * member unit, type and HQ day (a constraint, so a race cannot file two); amendments append-only.
 * `day` is the HQ calendar day computed by the server (shared hq-time), never the database's
 * current_date, so neither the server's nor the database's time zone moves a report to another day.
 */
export class Migration0019DailyReports extends Migration {
  override name = '0019-daily-reports';

  override up(): void {
    this.addSql(`
      create table daily_report_type (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        code varchar(40) not null unique check (code ~ '^[A-Z][A-Z0-9_]*$'),
        name varchar(60) not null check (length(btrim(name)) > 0),
        -- HQ local time of day the report is due by, HH:mm
        due_time varchar(5) not null check (due_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        -- [{ key, label, kind: NUMBER | TEXT }], at most 20 (daily-report.rules.ts checks the shape)
        fields jsonb not null default '[]'::jsonb check (jsonb_typeof(fields) = 'array' and jsonb_array_length(fields) <= 20),
        active boolean not null default true,
        -- the first HQ day units are asked for it (the day it was created, by the domain clock)
        starts_on date not null,
        sort_order integer not null default 0
      );

      create table daily_report (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        type_id uuid not null references daily_report_type (id),
        unit_id uuid not null references member_unit (id),
        unit_name varchar(120) not null default '',
        day date not null,
        -- the type's due time when the report was filed (a later change of the type does not re-judge it)
        due_at timestamptz not null,
        submitted_at timestamptz not null,
        submitted_by_id uuid references app_user (id),
        submitted_by_name varchar(100) not null default '',
        late boolean not null,
        zero boolean not null,
        -- { fieldKey: number | string }; a zero report carries no values
        "values" jsonb not null default '{}'::jsonb check (jsonb_typeof("values") = 'object'),
        note varchar(4000) not null default '',
        -- what other modules had open for the unit when a zero report was filed ([{ module, kind, count }]):
        -- non-empty means the zero report is flagged for the coordinator (the only detectable 瞒报)
        open_work jsonb not null default '[]'::jsonb check (jsonb_typeof(open_work) = 'array'),
        amendment_count integer not null default 0 check (amendment_count >= 0),
        last_amended_at timestamptz,
        check (late = (submitted_at > due_at)),
        check (not zero or "values" = '{}'::jsonb),
        check (zero or open_work = '[]'::jsonb),
        check ((amendment_count = 0) = (last_amended_at is null)),
        constraint daily_report_one_per_unit_type_day unique (unit_id, type_id, day)
      );
      create index daily_report_day on daily_report (day, type_id);

      create table daily_report_amendment (
        id uuid primary key,
        created_at timestamptz not null,
        report_id uuid not null references daily_report (id),
        amended_at timestamptz not null,
        amended_by_id uuid references app_user (id),
        amended_by_name varchar(100) not null default '',
        reason varchar(500) not null check (length(btrim(reason)) > 0),
        previous_zero boolean not null,
        previous_values jsonb not null check (jsonb_typeof(previous_values) = 'object'),
        previous_note varchar(4000) not null default '',
        new_zero boolean not null,
        new_values jsonb not null check (jsonb_typeof(new_values) = 'object'),
        new_note varchar(4000) not null default ''
      );
      create index daily_report_amendment_report on daily_report_amendment (report_id, amended_at);

      create function daily_report_amendment_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'daily_report_amendment is append-only' using errcode = 'insufficient_privilege';
      end $$;
      create trigger daily_report_amendment_no_update before update or delete or truncate on daily_report_amendment
        for each statement execute function daily_report_amendment_is_append_only();
    `);
  }
}
