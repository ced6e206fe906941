import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ATTACHMENT_KINDS } from '@cc/shared';
import { writeAudit } from '../../core/audit';
import { isUuid } from '../../core/auth/ids';
import type { Context, Viewer } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import { Attachment } from './attachment.entity';
import { cleanFilename, detectAttachmentKind } from './attachment.rules';

/**
 * A kind of record attachments belong to (a document; later meeting minutes, daily reports).
 * The owning module answers, through its own service, whether a viewer may see the record.
 */
export interface AttachmentOwner {
  canSee(em: EntityManager, viewer: Viewer, ownerId: string): Promise<boolean>;
}

/** The most files one record may hold (the field's page size in the cost limit counts on it). */
export const MAX_ATTACHMENTS = 20;

/** Why an upload was refused: the HTTP route turns it into 413 or 415. */
export class AttachmentRefused extends Error {
  constructor(
    readonly status: 413 | 415,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Files kept in the database (ADR 0021): stored once, never changed, given to one owner record,
 * and served only to those who may see that record. Until it is given to a record, a file is
 * its uploader's alone.
 */
export class AttachmentService {
  private readonly owners = new Map<string, AttachmentOwner>();

  /** Called by each owning module at composition, with the owner type it links as. */
  registerOwner(ownerType: string, owner: AttachmentOwner): void {
    if (this.owners.has(ownerType)) throw new Error(`Attachment owner type ${ownerType} is registered twice.`);
    this.owners.set(ownerType, owner);
  }

  /** Stores one uploaded file; its kind is read from its bytes; the upload is audited. */
  async store(ctx: Context, bytes: Buffer, givenName: string): Promise<Attachment> {
    const kind = detectAttachmentKind(bytes);
    if (!kind)
      throw new AttachmentRefused(
        415,
        'attachment/type_not_allowed',
        `This kind of file is not accepted. Attach a PDF, a Word (.docx) or Excel (.xlsx) file, a PNG or JPEG image, or plain UTF-8 text.`,
      );
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const filename = cleanFilename(givenName, kind);
    return commit(ctx, 'uploadAttachment', { filename, sha256 }, async (tx) => {
      const attachment = tx.em.create(Attachment, {
        filename,
        kind,
        contentType: ATTACHMENT_KINDS[kind].contentType,
        sizeBytes: bytes.length,
        sha256,
        uploadedById: tx.viewer?.userId ?? null,
        uploadedByName: tx.viewer?.displayName ?? '',
        ownerType: null,
        ownerId: null,
      });
      await tx.em.flush();
      await tx.em.execute('insert into attachment_content (attachment_id, content) values (?, ?)', [attachment.id, bytes]);
      return attachment;
    });
  }

  /**
   * Gives files to a record, inside the owning service's transaction: each must exist, belong
   * to no record yet, and have been uploaded by the one acting.
   */
  async claim(tx: Tx, ids: readonly string[], ownerType: string, ownerId: string): Promise<Attachment[]> {
    if (!this.owners.has(ownerType)) throw new Error(`Attachment owner type ${ownerType} is not registered.`);
    const unique = [...new Set(ids)];
    const held = await tx.em.count(Attachment, { ownerType, ownerId });
    if (held + unique.length > MAX_ATTACHMENTS)
      throw domainError('BAD_USER_INPUT', `A record holds at most ${MAX_ATTACHMENTS} attachments.`, {
        reason: 'attachment/too_many',
        field: 'attachmentIds',
      });
    const found = unique.every(isUuid) && unique.length ? await tx.em.find(Attachment, { id: { $in: unique } }) : [];
    for (const id of unique) {
      const attachment = found.find((a) => a.id === id);
      if (!attachment || attachment.uploadedById !== tx.viewer?.userId) throw notFound('Attachment', id);
      if (attachment.ownerId !== null)
        throw domainError('CONFLICT', `The file ${attachment.filename} is already attached to another record; upload it again.`, {
          reason: 'attachment/already_attached',
          field: 'attachmentIds',
        });
      attachment.ownerType = ownerType;
      attachment.ownerId = ownerId;
    }
    return found;
  }

  /** The files of these records, oldest first. */
  async of(em: EntityManager, ownerType: string, ownerIds: readonly string[]): Promise<Attachment[]> {
    if (ownerIds.length === 0) return [];
    return em.find(Attachment, { ownerType, ownerId: { $in: [...ownerIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /**
   * A file and its bytes, for a viewer who may see its record (or uploaded it and has not
   * attached it yet); NOT_FOUND otherwise, as for a file that does not exist. The download is
   * audited before anything is sent.
   */
  async download(ctx: Context, id: string): Promise<{ attachment: Attachment; content: Buffer }> {
    const viewer = ctx.viewer;
    const attachment = isUuid(id) ? await ctx.em.findOne(Attachment, { id }) : null;
    if (!viewer || !attachment || !(await this.maySee(ctx.em, viewer, attachment))) throw notFound('Attachment', id);
    const [row] = await ctx.em.execute<{ content: Buffer }[]>('select content from attachment_content where attachment_id = ?', [id]);
    if (!row) throw notFound('Attachment', id);
    await writeAudit(
      ctx.em,
      { actorId: viewer.userId, requestId: ctx.requestId, operation: 'downloadAttachment', transport: ctx.transport },
      [{ entityType: 'Attachment', entityId: id, change: 'NONE', before: null, after: { filename: attachment.filename } }],
    );
    return { attachment, content: row.content };
  }

  private async maySee(em: EntityManager, viewer: Viewer, attachment: Attachment): Promise<boolean> {
    if (!attachment.ownerType || !attachment.ownerId) return attachment.uploadedById === viewer.userId;
    const owner = this.owners.get(attachment.ownerType);
    return owner ? owner.canSee(em, viewer, attachment.ownerId) : false;
  }
}
