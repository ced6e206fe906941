import type { FixtureEnv, ModuleTests } from '../../support/module-tests';

const DAY = 86_400_000;

const REGISTER = `mutation($input: RegisterDocumentInput!) {
  registerDocument(input: $input) { id routings { id targetUserId targetUnitId purpose } }
}`;

interface Registered {
  registerDocument: { id: string; routings: { id: string; targetUserId: string | null; targetUnitId: string | null; purpose: string }[] };
}

/**
 * A document routed to AGRICULTURE (the matrix's liaisons' unit) and, for sign-off, to the caller
 * by name, so every caller the policy allows may see it and has a copy to read or sign.
 */
async function newDocument(env: FixtureEnv, purpose: 'READ' | 'SIGN' = 'SIGN'): Promise<Registered['registerDocument']> {
  const dueAt = new Date(Date.now() + 7 * DAY).toISOString();
  const targets: Record<string, unknown>[] = [{ unitId: env.unitId('AGRICULTURE'), purpose: 'SIGN', dueAt }];
  if (env.actor && !env.actor.unitId) targets.push({ userId: env.actor.userId, purpose, dueAt: purpose === 'SIGN' ? dueAt : null });
  const { registerDocument } = await env.setup<Registered>(REGISTER, {
    input: {
      direction: 'INCOMING',
      docNumber: env.unique('交运防指'),
      title: '关于加强交通检疫点物资保障的通知（测试）',
      issuer: '县指挥部',
      targets,
    },
  });
  return registerDocument;
}

/** The copy this caller may act on: theirs by name, or their unit's (a liaison), or the first. */
function copyFor(env: FixtureEnv, document: Registered['registerDocument']): string {
  const actor = env.actor;
  const mine =
    (actor && document.routings.find((r) => r.targetUserId === actor.userId)) ??
    (actor?.unitId ? document.routings.find((r) => r.targetUnitId === actor.unitId) : undefined) ??
    document.routings[0]!;
  return mine.id;
}

/** 文件运转 (documents) and attachments: fixtures for every operation, and the tables' invariants. */
export const DOCUMENT_TESTS: ModuleTests = {
  module: 'coordination',
  fixtures: {
    documents: () => ({ search: '通知', first: 20 }),
    document: async (env) => ({ id: (await newDocument(env)).id }),
    myDocumentInbox: () => ({}),
    documentChanged: () => ({}),
    documentRecipients: () => ({}),
    registerDocument: (env) => ({
      input: {
        direction: 'OUTGOING',
        docNumber: env.unique('交运发'),
        title: '关于明日起检疫点物资每日补充一次的通知（测试）',
        issuer: '县交通运输局防控指挥部',
        summary: '请各单位按时签收',
        targets: [
          { group: 'LOGISTICS', purpose: 'READ' },
          { unitId: env.unitId('COMMERCE'), purpose: 'SIGN', dueAt: new Date(Date.now() + DAY).toISOString() },
        ],
      },
    }),
    routeDocument: async (env) => ({
      input: {
        documentId: (await newDocument(env)).id,
        targets: [{ group: 'TRANSPORT', purpose: 'SIGN', dueAt: new Date(Date.now() + DAY).toISOString() }],
      },
    }),
    remindDocumentReaders: async (env) => ({ documentId: (await newDocument(env)).id }),
    markDocumentRead: async (env) => ({ routingId: copyFor(env, await newDocument(env, 'READ')) }),
    signDocument: async (env) => ({ input: { routingId: copyFor(env, await newDocument(env)), note: '已收到（测试）' } }),
  },
  fieldHints: {
    docNumber: ['交运防指〔2026〕3号', ''],
    issuer: ['县指挥部', ''],
    purpose: ['READ', 'SIGN'],
    dueAt: ['2026-12-08T09:00:00.000Z', '2020-01-01T00:00:00.000Z'],
    search: ['通知', '%', '_'],
  },
  invariants: {
    document: [
      {
        broken: 'a document registered by someone whose name was not kept',
        sql: `select id from document where registered_by_id is not null and registered_by_name = ''`,
      },
    ],
    document_routing: [
      {
        broken: 'a copy read before it was routed, or signed before it was read',
        sql: `select id from document_routing where read_at < routed_at or signed_at < read_at`,
      },
      {
        broken: 'a copy to a unit or person without their name',
        sql: `select id from document_routing where target_group is null and target_name = ''`,
      },
      {
        broken: 'a copy whose reader or signer has no name kept',
        sql: `select id from document_routing where (read_by_id is not null and read_by_name = '') or (signed_by_id is not null and signed_by_name = '')`,
      },
    ],
    attachment: [
      {
        broken: 'an attachment whose bytes are missing, or whose size or hash does not match them',
        sql: `select a.id from attachment a left join attachment_content c on c.attachment_id = a.id
              where c.attachment_id is null or octet_length(c.content) <> a.size_bytes or encode(sha256(c.content), 'hex') <> a.sha256`,
      },
      {
        broken: 'an attachment given to a document that does not exist',
        sql: `select a.id from attachment a where a.owner_type = 'Document' and not exists (select 1 from document d where d.id = a.owner_id)`,
      },
    ],
    attachment_content: {
      none: 'checked with attachment’s rows (size and hash match the bytes); a foreign key and a trigger keep the rest',
    },
  },
};
