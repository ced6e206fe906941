import { Migration } from '@mikro-orm/migrations';

/**
 * The full incident lifecycle: severity, assignment to a working group and an owner, optional
 * coordinates, the lifecycle timestamps response times are measured from, and the timeline.
 */
export class Migration0007IncidentLifecycle extends Migration {
  override name = '0007-incident-lifecycle';

  override up(): void {
    this.addSql(`
      alter table incident
        add column severity varchar(10) not null default 'MEDIUM' check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        add column assigned_group varchar(20) check (assigned_group in ('COORDINATION', 'LOGISTICS', 'TRANSPORT', 'DUTY')),
        add column owner_id uuid references app_user (id),
        add column latitude double precision check (latitude between -90 and 90),
        add column longitude double precision check (longitude between -180 and 180),
        add column acknowledged_at timestamptz,
        add column resolved_at timestamptz,
        add column closed_at timestamptz,
        add constraint incident_coordinates_paired check ((latitude is null) = (longitude is null));

      -- Incidents from before this migration: their last change is the best knowledge of when.
      update incident set acknowledged_at = greatest(reported_at, updated_at) where status <> 'REPORTED';
      update incident set resolved_at = greatest(reported_at, updated_at) where status in ('RESOLVED', 'CLOSED');
      update incident set closed_at = greatest(reported_at, updated_at) where status = 'CLOSED';

      alter table incident
        add constraint incident_acknowledged_once_moved check (status = 'REPORTED' or acknowledged_at is not null),
        add constraint incident_resolved_at_matches check ((status in ('RESOLVED', 'CLOSED')) = (resolved_at is not null)),
        add constraint incident_closed_at_matches check ((status = 'CLOSED') = (closed_at is not null));
      create index incident_acknowledged_at on incident (acknowledged_at) where acknowledged_at is not null;
      create index incident_open_deadline on incident (reporting_deadline) where status in ('REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS');

      create table incident_timeline_entry (
        id bigserial primary key,
        incident_id uuid not null references incident (id) on delete cascade,
        kind varchar(12) not null check (kind in ('STATUS', 'ASSIGNMENT', 'DETAILS', 'NOTE', 'LINK')),
        at timestamptz not null,
        actor_id uuid references app_user (id),
        actor_name varchar(100) not null default '',
        text varchar(2000) not null default '',
        from_status varchar(20),
        to_status varchar(20) check (to_status in ('REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
        link_entity_type varchar(60),
        link_entity_id varchar(100),
        constraint incident_timeline_link_fields check ((kind = 'LINK') = (link_entity_type is not null and link_entity_id is not null)),
        constraint incident_timeline_status_fields check ((kind = 'STATUS') = (to_status is not null)),
        constraint incident_timeline_note_text check (kind <> 'NOTE' or length(btrim(text)) > 0)
      );
      create index incident_timeline_by_incident on incident_timeline_entry (incident_id, at, id);
      create index incident_timeline_link on incident_timeline_entry (link_entity_type, link_entity_id) where kind = 'LINK';

      insert into incident_timeline_entry (incident_id, kind, at, actor_id, actor_name, to_status)
      select i.id, 'STATUS', i.reported_at, i.reported_by_id, coalesce(u.display_name, ''), 'REPORTED'
      from incident i left join app_user u on u.id = i.reported_by_id;
    `);
  }
}
