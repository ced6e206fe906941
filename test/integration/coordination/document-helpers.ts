import { expect } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@cc/shared';
import type { GraphQLResponse, TestApp } from '../../support/test-app';

/** A minimal PDF: what the server detects from the bytes, whatever the sender calls it. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

export interface UploadOptions {
  cookie?: string;
  csrf?: boolean;
  filename?: string;
  contentType?: string;
}

/** POST /attachments as the console sends it: raw bytes, the cookie and the CSRF header. */
export async function upload(t: TestApp, body: Buffer, options: UploadOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/octet-stream' };
  if (options.cookie) headers['cookie'] = options.cookie;
  if (options.csrf ?? true) headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  if (options.filename !== undefined) headers['x-filename'] = encodeURIComponent(options.filename);
  return fetch(`${t.url}/attachments`, { method: 'POST', headers, body: new Uint8Array(body) });
}

export async function uploadOk(
  t: TestApp,
  cookie: string,
  body: Buffer = PDF_BYTES,
  filename = '关于加强检疫点保障的通知.pdf',
): Promise<string> {
  const response = await upload(t, body, { cookie, filename });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

export const DOCUMENT_FIELDS = `id direction docNumber title issuer version updatedAt
  attachments { id filename contentType sizeBytes sha256 }
  routings { id targetGroup targetUnitId targetUserId targetName purpose dueAt readAt readByName signedAt signedByName signNote
    remindedAt remindCount canMarkRead canSign overdue }`;

export interface DocumentView {
  id: string;
  direction: string;
  docNumber: string;
  title: string;
  version: number;
  attachments: { id: string; filename: string; contentType: string; sizeBytes: number; sha256: string }[];
  routings: {
    id: string;
    targetGroup: string | null;
    targetUnitId: string | null;
    targetUserId: string | null;
    targetName: string;
    purpose: 'READ' | 'SIGN';
    dueAt: string | null;
    readAt: string | null;
    readByName: string;
    signedAt: string | null;
    signedByName: string;
    signNote: string;
    remindedAt: string | null;
    remindCount: number;
    canMarkRead: boolean;
    canSign: boolean;
    overdue: boolean;
  }[];
}

let counter = 0;

export async function register(
  t: TestApp,
  cookie: string,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<{ registerDocument: DocumentView }>> {
  counter += 1;
  return t.gql<{ registerDocument: DocumentView }>(
    `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { ${DOCUMENT_FIELDS} } }`,
    {
      input: {
        direction: 'INCOMING',
        docNumber: `交运防指〔2026〕${counter}-${Date.now()}号`,
        title: '关于做好疫情期间交通运输保障的通知',
        issuer: '县指挥部',
        ...input,
      },
    },
    cookie,
  );
}

export async function registerOk(t: TestApp, cookie: string, input: Record<string, unknown>): Promise<DocumentView> {
  const response = await register(t, cookie, input);
  expect(response.errors).toBeUndefined();
  return response.data!.registerDocument;
}

export async function readDocument(t: TestApp, cookie: string, id: string): Promise<GraphQLResponse<{ document: DocumentView }>> {
  return t.gql<{ document: DocumentView }>(`query($id: ID!) { document(id: $id) { ${DOCUMENT_FIELDS} } }`, { id }, cookie);
}

export async function sign(t: TestApp, cookie: string, routingId: string, note?: string) {
  return t.gql<{ signDocument: DocumentView }>(
    `mutation($input: SignDocumentInput!) { signDocument(input: $input) { ${DOCUMENT_FIELDS} } }`,
    { input: { routingId, note } },
    cookie,
  );
}

export async function markRead(t: TestApp, cookie: string, routingId: string) {
  return t.gql<{ markDocumentRead: DocumentView }>(
    `mutation($id: ID!) { markDocumentRead(routingId: $id) { ${DOCUMENT_FIELDS} } }`,
    { id: routingId },
    cookie,
  );
}

export async function unitIdOf(t: TestApp, cookie: string, code: string): Promise<string> {
  const response = await t.gql<{ documentRecipients: { units: { id: string; code: string }[] } }>(
    '{ documentRecipients { units { id code } } }',
    {},
    cookie,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.documentRecipients.units.find((u) => u.code === code)!.id;
}
