import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { PDF_BYTES, register, registerOk, unitIdOf, upload, uploadOk } from './document-helpers';

const MAX = 64 * 1024;

describe('attachments over their own HTTP route: size, type, CSRF, access and download headers', () => {
  let t: TestApp;
  let coordinator: string;
  let liaison: string;
  let otherLiaison: string;
  let leader: string;
  let agriculture: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { ATTACHMENT_MAX_BYTES: String(MAX) } });
    [coordinator, liaison, leader] = await Promise.all([t.login('coordinator'), t.login('liaison'), t.login('leader')]);
    agriculture = await unitIdOf(t, coordinator, 'AGRICULTURE');
    // A liaison of another unit (COMMERCE), created by the administrator.
    const admin = await t.login('admin');
    const commerce = await unitIdOf(t, coordinator, 'COMMERCE');
    const created = await t.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          username: 'liaison-commerce',
          displayName: '商务联络员',
          password: 'commerce-liaison-pass-1',
          roles: ['UNIT_LIAISON'],
          unitId: commerce,
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    otherLiaison = await t.login('liaison-commerce', 'commerce-liaison-pass-1');
  });
  afterAll(() => t?.close());

  it('refuses an upload without the session cookie (401) or without the CSRF header (403), storing nothing', async () => {
    const before = await count();
    const anonymous = await upload(t, PDF_BYTES, { filename: 'a.pdf' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    const noCsrf = await upload(t, PDF_BYTES, { cookie: coordinator, csrf: false, filename: 'a.pdf' });
    expect(noCsrf.status).toBe(403);
    expect(await noCsrf.json()).toMatchObject({ errors: [{ extensions: { reason: 'request/csrf' } }] });
    // A form post from another page carries neither the header nor (SameSite=Strict) the cookie: refused the same way.
    const form = await upload(t, PDF_BYTES, { cookie: coordinator, csrf: false, contentType: 'multipart/form-data; boundary=x' });
    expect(form.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES with 413 and a clear JSON error', async () => {
    const before = await count();
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(MAX, 0x20)]);
    const response = await upload(t, big, { cookie: coordinator, filename: 'big.pdf' });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { message: string; extensions: { reason: string } }[] };
    expect(body.errors[0]!.extensions.reason).toBe('attachment/too_large');
    expect(body.errors[0]!.message).toContain('0.1 MB');
    expect(await count()).toBe(before);
  });

  it('refuses a type off the allow-list with 415, whatever Content-Type and name the sender claims', async () => {
    const html = await upload(t, Buffer.from('<!doctype html><script>alert(1)</script>'), {
      cookie: coordinator,
      contentType: 'application/pdf',
      filename: 'notice.pdf',
    });
    expect(html.status).toBe(415);
    expect(await html.json()).toMatchObject({ errors: [{ extensions: { reason: 'attachment/type_not_allowed' } }] });
    const exe = await upload(t, Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), { cookie: coordinator, filename: 'a.docx' });
    expect(exe.status).toBe(415);
  });

  it('stores the file with its detected type and hash; downloads carry the headers; another unit’s liaison gets 404; each download is audited', async () => {
    const upload1 = await upload(t, PDF_BYTES, { cookie: coordinator, contentType: 'text/html', filename: '通知 (终稿).PDF' });
    expect(upload1.status).toBe(201);
    const stored = (await upload1.json()) as { id: string; filename: string; contentType: string; sizeBytes: number; sha256: string };
    expect(stored).toMatchObject({
      filename: '通知 (终稿).pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF_BYTES.length,
      sha256: createHash('sha256').update(PDF_BYTES).digest('hex'),
    });

    // Before it is attached, the file is its uploader's alone.
    expect((await get(stored.id, leader)).status).toBe(404);
    const document = await registerOk(t, coordinator, {
      attachmentIds: [stored.id],
      targets: [{ unitId: agriculture, purpose: 'READ' }],
    });
    expect(document.attachments.map((a) => a.id)).toEqual([stored.id]);

    const download = await get(stored.id, liaison);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="__ (__).pdf"; filename*=UTF-8''${encodeURIComponent('通知 (终稿).pdf').replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF_BYTES)).toBe(true);

    // Another unit's liaison, a stranger without a session, and a made-up id.
    const other = await get(stored.id, otherLiaison);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    expect((await get(stored.id)).status).toBe(401);
    expect((await get('00000000-0000-4000-8000-000000000000', coordinator)).status).toBe(404);
    expect((await get('not-an-id', coordinator)).status).toBe(404);

    const audit = await t.app.orm.em
      .fork()
      .execute<{ operation: string; change: string; actor_id: string | null }[]>(
        `select operation, change, actor_id from audit_record where entity_type = 'Attachment' and entity_id = ? order by id`,
        [stored.id],
      );
    expect(audit.map((a) => `${a.operation}:${a.change}`)).toEqual([
      'uploadAttachment:CREATE',
      'registerDocument:UPDATE',
      'downloadAttachment:NONE',
    ]);
  });

  it('lets only the uploader attach a file, once', async () => {
    const id = await uploadOk(t, coordinator);
    const byLeader = await register(t, leader, { attachmentIds: [id] });
    expect(byLeader.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await registerOk(t, coordinator, { attachmentIds: [id] });
    const again = await register(t, coordinator, { attachmentIds: [id] });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'attachment/already_attached' });
  });

  it('keeps a stored file as it was: the database refuses changing or deleting its bytes', async () => {
    const id = await uploadOk(t, coordinator);
    const em = t.app.orm.em.fork();
    await expect(em.execute(`update attachment_content set content = '\\x00' where attachment_id = ?`, [id])).rejects.toThrow(
      /never changes/,
    );
    await expect(em.execute(`delete from attachment where id = ?`, [id])).rejects.toThrow(/never deleted/);
  });

  async function count(): Promise<number> {
    const [row] = await t.app.orm.em.fork().execute<{ n: string }[]>('select count(*)::text as n from attachment');
    return Number(row!.n);
  }

  function get(id: string, cookie?: string): Promise<Response> {
    return fetch(`${t.url}/attachments/${id}`, { headers: cookie ? { cookie } : {} });
  }
});
