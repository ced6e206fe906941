import { Migration } from '@mikro-orm/migrations';

export class Migration0002Incidents extends Migration {
  override name = '0002-incidents';

  override up(): void {
    this.addSql(`
      create table incident (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        title varchar(200) not null check (length(btrim(title)) > 0),
        description text not null default '',
        incident_class char(1) not null check (incident_class in ('A', 'B', 'C')),
        status varchar(20) not null default 'REPORTED'
          check (status in ('REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
        reported_at timestamptz not null,
        reporting_deadline timestamptz not null,
        location varchar(300) not null default '',
        reported_by_id uuid
      );
      create index incident_open on incident (reported_at desc) where status not in ('RESOLVED', 'CLOSED');
      create index incident_reported_at on incident (reported_at desc);
    `);
  }
}
