import { Migration } from '@mikro-orm/migrations';

/**
 * Alerts (预警) and their rules' settings. The partial unique index makes folding race-proof:
 * whatever replicas do, a rule has at most one standing alert per condition.
 */
export class Migration0006Alerts extends Migration {
  override name = '0006-alerts';

  override up(): void {
    this.addSql(`
      create table alert_rule (
        rule_id varchar(60) primary key check (rule_id ~ '^[a-z][a-z0-9-]*$'),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        enabled boolean not null default true,
        thresholds jsonb not null default '{}'::jsonb check (jsonb_typeof(thresholds) = 'object'),
        escalation_minutes integer check (escalation_minutes between 1 and 1440)
      );

      create table alert (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        rule_id varchar(60) not null references alert_rule (rule_id),
        level varchar(10) not null check (level in ('INFO', 'WARNING', 'CRITICAL')),
        working_group varchar(20) check (working_group in ('COORDINATION', 'LOGISTICS', 'TRANSPORT', 'DUTY')),
        dedupe_key varchar(200) not null check (length(dedupe_key) > 0),
        message_key varchar(120) not null,
        params jsonb not null default '{}'::jsonb check (jsonb_typeof(params) = 'object'),
        source_type varchar(60) not null,
        source_id varchar(100) not null,
        count integer not null default 1 check (count >= 1),
        recurrence integer not null default 0 check (recurrence >= 0),
        status varchar(12) not null default 'RAISED' check (status in ('RAISED', 'ACKNOWLEDGED', 'RESOLVED')),
        raised_at timestamptz not null,
        last_seen_at timestamptz not null check (last_seen_at >= raised_at),
        acknowledged_at timestamptz,
        acknowledged_by_id uuid references app_user (id),
        resolved_at timestamptz,
        resolved_by_id uuid references app_user (id),
        resolution varchar(20) check (resolution in ('CONDITION_CLEARED', 'MANUAL', 'RULE_DISABLED')),
        resolution_note varchar(1000) not null default '',
        escalation_level integer not null default 0 check (escalation_level >= 0),
        escalated_at timestamptz,
        assigned_leader_id uuid references app_user (id),
        constraint alert_resolved_fields check ((status = 'RESOLVED') = (resolved_at is not null and resolution is not null)),
        constraint alert_acknowledged_fields check (status <> 'ACKNOWLEDGED' or acknowledged_at is not null),
        -- acknowledging is always someone's act
        constraint alert_acknowledged_by check ((acknowledged_at is null) = (acknowledged_by_id is null)),
        constraint alert_manual_resolution_by check (resolution is distinct from 'MANUAL' or resolved_by_id is not null)
      );
      -- At most one standing alert per rule and condition: duplicates fold into it.
      create unique index alert_standing_once on alert (rule_id, dedupe_key) where status <> 'RESOLVED';
      create index alert_standing_by_level on alert (level, raised_at desc) where status <> 'RESOLVED';
      create index alert_raised_at on alert (raised_at desc);
      create index alert_source on alert (source_type, source_id);
    `);
  }
}
