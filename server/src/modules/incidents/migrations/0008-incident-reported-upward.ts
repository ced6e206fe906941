import { Migration } from '@mikro-orm/migrations';

/**
 * The recorded act of reporting an incident upward (上报): to whom, when, by whom. The reporting
 * deadline of 002 (A 6 h, B 12 h, C 24 h) is met by this act, so the index the deadline alert
 * reads is narrowed to incidents still waiting for it.
 */
export class Migration0008IncidentReportedUpward extends Migration {
  override name = '0008-incident-reported-upward';

  override up(): void {
    this.addSql(`
      alter table incident
        add column reported_upward_at timestamptz,
        add column reported_upward_to varchar(200),
        add column reported_upward_by_id uuid references app_user (id),
        add constraint incident_reported_upward_fields check ((reported_upward_at is null) = (reported_upward_to is null)),
        add constraint incident_reported_upward_after_logged check (reported_upward_at is null or reported_upward_at >= reported_at);

      drop index incident_open_deadline;
      create index incident_awaiting_report_upward on incident (reporting_deadline)
        where status in ('REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS') and reported_upward_at is null;

      alter table incident_timeline_entry
        alter column kind type varchar(20),
        drop constraint incident_timeline_entry_kind_check,
        add constraint incident_timeline_entry_kind_check
          check (kind in ('STATUS', 'ASSIGNMENT', 'DETAILS', 'NOTE', 'LINK', 'REPORTED_UPWARD'));
    `);
  }
}
