import { Migration } from '@mikro-orm/migrations';

/**
 * 综合协调, part 1 (ADR 0019): the HQ's response level as an append-only history (the current
 * level is the latest row), and directives (交办事项) with one assignee per working group or member
 * unit and an append-only trail of their progress notes. A directive keeps the link to where it
 * came from: an HQ instruction or a duty call (the duty module's records), or a meeting's decision.
 * Meetings (会议组织承办): the daily dispatch meeting or a coordination meeting on a major issue a
 * member unit may request, with agenda, minutes and decisions (append-only) that become directives.
 */
export class Migration0018CoordinationDirectives extends Migration {
  override name = '0018-coordination-directives';

  override up(): void {
    this.addSql(`
      create table response_level_change (
        id uuid primary key,
        level varchar(10) not null check (level in ('LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4', 'ENDED')),
        -- when the level took effect; the history is read in this order
        effective_at timestamptz not null,
        note varchar(500) not null default '',
        set_by_id uuid references app_user (id),
        set_by_name varchar(100) not null default ''
      );
      -- strictly ordered by time (the service serialises changes): the latest row is the current level
      create unique index response_level_change_order on response_level_change (effective_at desc);

      create function coordination_history_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
      end $$;
      create trigger response_level_change_no_update before update or delete or truncate on response_level_change
        for each statement execute function coordination_history_is_append_only();

      create table meeting (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        kind varchar(16) not null check (kind in ('DAILY_DISPATCH', 'COORDINATION')),
        status varchar(10) not null check (status in ('REQUESTED', 'SCHEDULED', 'HELD')),
        title varchar(200) not null check (length(btrim(title)) > 0),
        agenda varchar(4000) not null default '',
        attendees varchar(1000) not null default '',
        location varchar(200) not null default '',
        -- null only while a unit's request waits to be scheduled
        scheduled_at timestamptz,
        minutes varchar(20000) not null default '',
        held_at timestamptz,
        requested_by_unit_id uuid references member_unit (id),
        requested_by_unit_name varchar(120) not null default '',
        requested_by_id uuid references app_user (id),
        requested_by_name varchar(100) not null default '',
        check ((status = 'REQUESTED') = (scheduled_at is null)),
        check ((status = 'HELD') = (held_at is not null)),
        -- a unit asks only for a coordination meeting on a major issue (重大事项协调会议)
        check (requested_by_unit_id is null or kind = 'COORDINATION')
      );
      create index meeting_scheduled on meeting (scheduled_at desc nulls first, id);
      create index meeting_requested_by_unit on meeting (requested_by_unit_id) where requested_by_unit_id is not null;

      create table meeting_decision (
        id uuid primary key,
        meeting_id uuid not null references meeting (id),
        content varchar(2000) not null check (length(btrim(content)) > 0),
        decided_at timestamptz not null,
        recorded_by_id uuid references app_user (id),
        recorded_by_name varchar(100) not null default ''
      );
      create index meeting_decision_meeting on meeting_decision (meeting_id, decided_at, id);
      create trigger meeting_decision_no_update before update or delete or truncate on meeting_decision
        for each statement execute function coordination_history_is_append_only();

      create table directive (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        title varchar(200) not null check (length(btrim(title)) > 0),
        content varchar(4000) not null default '',
        -- who gave it: 指挥部, 上级, a named leader…
        source varchar(100) not null check (length(btrim(source)) > 0),
        origin varchar(16) not null check (origin in ('HQ', 'HQ_INSTRUCTION', 'DUTY_CALL', 'MEETING')),
        hq_instruction_id uuid references hq_instruction (id),
        duty_call_id uuid references duty_call (id),
        meeting_decision_id uuid references meeting_decision (id),
        owner_name varchar(100) not null check (length(btrim(owner_name)) > 0),
        deadline timestamptz not null,
        priority varchar(10) not null check (priority in ('ROUTINE', 'URGENT', 'CRITICAL')),
        created_by_id uuid references app_user (id),
        created_by_name varchar(100) not null default '',
        -- set when the last assignee finished: the board's "open" filter and the overdue rule read it
        completed_at timestamptz,
        -- the link matches the origin: an instruction's directive names it, a call's names the call
        check ((origin = 'HQ_INSTRUCTION') = (hq_instruction_id is not null)),
        check ((origin = 'DUTY_CALL') = (duty_call_id is not null)),
        check ((origin = 'MEETING') = (meeting_decision_id is not null))
      );
      -- a decision becomes one directive at most
      create unique index directive_meeting_decision on directive (meeting_decision_id) where meeting_decision_id is not null;
      create index directive_open on directive (deadline) where completed_at is null;
      create index directive_created on directive (created_at desc, id);
      create index directive_hq_instruction on directive (hq_instruction_id) where hq_instruction_id is not null;
      create index directive_duty_call on directive (duty_call_id) where duty_call_id is not null;

      create table directive_assignee (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        directive_id uuid not null references directive (id) deferrable initially deferred,
        target_group varchar(16) check (target_group in ('COORDINATION', 'LOGISTICS', 'TRANSPORT', 'DUTY')),
        target_unit_id uuid references member_unit (id),
        target_unit_name varchar(120) not null default '',
        status varchar(10) not null check (status in ('ASSIGNED', 'ACCEPTED', 'DONE')),
        accepted_at timestamptz,
        finished_at timestamptz,
        check ((target_group is null) <> (target_unit_id is null)),
        -- accepted before finished, and each time set exactly when its status has been reached
        check ((status = 'ASSIGNED') = (accepted_at is null)),
        check ((status = 'DONE') = (finished_at is not null)),
        check (finished_at is null or finished_at >= accepted_at)
      );
      create unique index directive_assignee_group on directive_assignee (directive_id, target_group) where target_group is not null;
      create unique index directive_assignee_unit on directive_assignee (directive_id, target_unit_id) where target_unit_id is not null;
      create index directive_assignee_unit_open on directive_assignee (target_unit_id) where target_unit_id is not null;

      create table directive_progress (
        id uuid primary key,
        directive_id uuid not null references directive (id),
        assignee_id uuid not null references directive_assignee (id),
        kind varchar(10) not null check (kind in ('ACCEPTED', 'PROGRESS', 'FINISHED')),
        note varchar(1000) not null default '',
        at timestamptz not null,
        by_id uuid references app_user (id),
        by_name varchar(100) not null default '',
        -- a plain progress report says something
        check (kind <> 'PROGRESS' or length(btrim(note)) > 0)
      );
      create index directive_progress_directive on directive_progress (directive_id, at, id);
      create trigger directive_progress_no_update before update or delete or truncate on directive_progress
        for each statement execute function coordination_history_is_append_only();
    `);
  }
}
