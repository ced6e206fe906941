import { Migration } from '@mikro-orm/migrations';

/**
 * 综合协调, documents (文件运转): a registered incoming or outgoing document, its routed copies
 * (to a working group, a member unit or a person, to read 阅知 or to sign 签收 by a due time),
 * and file attachments kept in the database itself (ADR 0021), so a backup of the database is
 * a backup of the files.
 */
export class Migration0020DocumentsAndAttachments extends Migration {
  override name = '0020-documents-and-attachments';

  override up(): void {
    this.addSql(`
      create table document (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        direction varchar(10) not null check (direction in ('INCOMING', 'OUTGOING')),
        -- 文号, e.g. 交运防指〔2020〕12号
        doc_number varchar(60) not null check (length(btrim(doc_number)) > 0),
        title varchar(200) not null check (length(btrim(title)) > 0),
        issuer varchar(120) not null check (length(btrim(issuer)) > 0),
        summary varchar(2000) not null default '',
        registered_at timestamptz not null,
        registered_by_id uuid references app_user (id),
        registered_by_name varchar(100) not null default ''
      );
      create unique index document_number on document (direction, doc_number);
      create index document_registered on document (registered_at desc, id);

      create table document_routing (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        document_id uuid not null references document (id),
        target_group varchar(16) check (target_group in ('COORDINATION', 'LOGISTICS', 'TRANSPORT', 'DUTY')),
        target_unit_id uuid references member_unit (id),
        target_user_id uuid references app_user (id),
        -- the unit's or person's name when routed, so the table needs no read of identity's tables
        target_name varchar(120) not null default '',
        purpose varchar(4) not null check (purpose in ('READ', 'SIGN')),
        due_at timestamptz,
        routed_at timestamptz not null,
        routed_by_id uuid references app_user (id),
        read_at timestamptz,
        read_by_id uuid references app_user (id),
        read_by_name varchar(100) not null default '',
        signed_at timestamptz,
        signed_by_id uuid references app_user (id),
        signed_by_name varchar(100) not null default '',
        sign_note varchar(500) not null default '',
        reminded_at timestamptz,
        remind_count integer not null default 0 check (remind_count >= 0),
        -- exactly one target
        check (num_nonnulls(target_group, target_unit_id, target_user_id) = 1),
        -- a sign-off has a due time, a copy to read has none
        check ((purpose = 'SIGN') = (due_at is not null)),
        check ((read_at is null) = (read_by_id is null)),
        check ((signed_at is null) = (signed_by_id is null)),
        -- only a copy to sign is signed, and signing it reads it
        check (signed_at is null or (purpose = 'SIGN' and read_at is not null)),
        check ((reminded_at is null) = (remind_count = 0))
      );
      create unique index document_routing_group on document_routing (document_id, target_group) where target_group is not null;
      create unique index document_routing_unit on document_routing (document_id, target_unit_id) where target_unit_id is not null;
      create unique index document_routing_user on document_routing (document_id, target_user_id) where target_user_id is not null;
      create index document_routing_document on document_routing (document_id);
      create index document_routing_unsigned on document_routing (due_at) where purpose = 'SIGN' and signed_at is null;

      -- A copy, once routed, stays; who read and who signed, once recorded, never change.
      create function document_routing_keeps_its_record() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'document_routing rows are never deleted' using errcode = 'insufficient_privilege';
        end if;
        if new.document_id <> old.document_id or new.purpose <> old.purpose
           or new.target_group is distinct from old.target_group or new.target_unit_id is distinct from old.target_unit_id
           or new.target_user_id is distinct from old.target_user_id or new.routed_at <> old.routed_at
           or (old.read_at is not null and (new.read_at is distinct from old.read_at or new.read_by_id is distinct from old.read_by_id))
           or (old.signed_at is not null and (new.signed_at is distinct from old.signed_at or new.signed_by_id is distinct from old.signed_by_id
               or new.sign_note <> old.sign_note)) then
          raise exception 'a routed copy keeps its target, and who read or signed it' using errcode = 'insufficient_privilege';
        end if;
        return new;
      end $$;
      create trigger document_routing_keeps_its_record before update or delete on document_routing
        for each row execute function document_routing_keeps_its_record();

      -- Attachments: what is known of the file, and (next table) its bytes.
      create table attachment (
        id uuid primary key,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        filename varchar(200) not null check (length(btrim(filename)) > 0),
        kind varchar(8) not null check (kind in ('PDF', 'PNG', 'JPEG', 'DOCX', 'XLSX', 'TEXT')),
        content_type varchar(100) not null,
        size_bytes integer not null check (size_bytes > 0 and size_bytes <= 52428800),
        sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by_id uuid references app_user (id),
        uploaded_by_name varchar(100) not null default '',
        -- what it belongs to, checked by the owning module's service: 'Document' now, later minutes or reports
        owner_type varchar(40),
        owner_id uuid,
        check ((owner_type is null) = (owner_id is null))
      );
      create index attachment_owner on attachment (owner_type, owner_id) where owner_id is not null;

      create table attachment_content (
        attachment_id uuid primary key references attachment (id),
        content bytea not null check (octet_length(content) between 1 and 52428800)
      );

      -- A file never changes once stored, and is given to an owner at most once.
      create function attachment_is_immutable() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception '% rows are never deleted', tg_table_name using errcode = 'insufficient_privilege';
        end if;
        if tg_table_name = 'attachment_content' then
          raise exception 'a stored file never changes' using errcode = 'insufficient_privilege';
        end if;
        if new.filename <> old.filename or new.kind <> old.kind or new.size_bytes <> old.size_bytes or new.sha256 <> old.sha256
           or new.content_type <> old.content_type or new.uploaded_by_id is distinct from old.uploaded_by_id
           or (old.owner_id is not null and (new.owner_id is distinct from old.owner_id or new.owner_type is distinct from old.owner_type)) then
          raise exception 'a stored file never changes, and keeps its owner' using errcode = 'insufficient_privilege';
        end if;
        return new;
      end $$;
      create trigger attachment_is_immutable before update or delete on attachment
        for each row execute function attachment_is_immutable();
      create trigger attachment_content_is_immutable before update or delete on attachment_content
        for each row execute function attachment_is_immutable();
    `);
  }
}
