import { Migration } from '@mikro-orm/migrations';

/** The outbox, its pruning horizon, idempotency keys and the append-only audit trail. */
export class Migration0001RealtimeCore extends Migration {
  override name = '0001-realtime-core';

  override up(): void {
    this.addSql(`
      create table event (
        position bigserial primary key,
        topic text not null,
        entity_type text not null,
        entity_id text not null,
        kind text not null check (kind in ('CREATED', 'UPDATED', 'DELETED')),
        actor_id uuid,
        payload jsonb not null default '{}'::jsonb,
        committed_at timestamptz not null default clock_timestamp()
      );
      create index event_topic_position on event (topic, position);
      create index event_committed_at on event (committed_at);

      create table event_horizon (
        singleton boolean primary key default true check (singleton),
        pruned_through bigint not null default 0
      );
      insert into event_horizon default values;

      create table idempotency_key (
        actor_id uuid not null,
        key text not null check (length(key) between 8 and 200),
        operation text not null,
        request_hash text not null,
        result jsonb,
        created_at timestamptz not null default now(),
        primary key (actor_id, key, operation)
      );

      create table audit_record (
        id bigserial primary key,
        at timestamptz not null default clock_timestamp(),
        actor_id uuid,
        request_id text not null,
        operation text not null,
        transport text not null,
        entity_type text,
        entity_id text,
        change text not null check (change in ('CREATE', 'UPDATE', 'DELETE', 'NONE')),
        before jsonb,
        after jsonb
      );
      create index audit_record_actor_at on audit_record (actor_id, at desc);
      create index audit_record_entity on audit_record (entity_type, entity_id, at desc);
      create index audit_record_at on audit_record (at desc);

      -- Append-only, whoever connects: the supply rules forbid rewriting history (plan 2 §5).
      create function audit_record_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_record is append-only' using errcode = 'insufficient_privilege';
      end $$;
      create trigger audit_record_no_update before update or delete or truncate on audit_record
        for each statement execute function audit_record_is_append_only();
    `);
  }
}
