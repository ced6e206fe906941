import express, { type Response } from 'express';
import { requireCsrfHeader } from '../../core/http/csrf';
import { isDomainError } from '../../core/errors';
import type { ModuleHttpRoutes } from '../../core/module';
import { contentDisposition } from './attachment.rules';
import { AttachmentRefused, type AttachmentService } from './attachment.service';

/** The header that carries the file's name on upload, percent-encoded (a header cannot carry UTF-8 as is). */
export const FILENAME_HEADER = 'x-filename';

const refuse = (res: Response, status: number, code: string, reason: string, message: string) =>
  void res.status(status).json({ errors: [{ message, extensions: { code, reason } }] });

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Files over their own routes: GraphQL bodies are JSON and capped, and its CSRF guard refuses
 * other bodies. `POST /attachments` takes the file's bytes as the raw body (any Content-Type:
 * the kind is read from the bytes), its name in `X-Filename`; it needs the session cookie and
 * the console's CSRF header. `GET /attachments/:id` serves it as a download to those who may
 * see its record.
 */
export const attachmentRoutes =
  (attachments: AttachmentService): ModuleHttpRoutes =>
  (router, { contextOf, config }) => {
    const maxBytes = config.attachments.maxBytes;
    const tooLarge = (res: Response) =>
      refuse(
        res,
        413,
        'BAD_REQUEST',
        'attachment/too_large',
        `The file is larger than ${megabytes(maxBytes)}. Attach a smaller file, or split it.`,
      );
    const readBody = express.raw({ type: () => true, limit: maxBytes });

    router.post('/attachments', requireCsrfHeader(), async (req, res, next) => {
      try {
        const ctx = await contextOf(req, res);
        if (!ctx.viewer) return refuse(res, 401, 'UNAUTHENTICATED', 'session/missing', 'Sign in to upload a file.');
        // Refused before a byte of the body is read when the sender says how large it is.
        if (Number(req.get('content-length') ?? 0) > maxBytes) return tooLarge(res);
        readBody(req, res, async (error?: unknown) => {
          try {
            if (error) {
              if ((error as { type?: string }).type === 'entity.too.large') return tooLarge(res);
              return next(error);
            }
            const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
            if (body.length === 0) return refuse(res, 400, 'BAD_REQUEST', 'attachment/empty', 'The file is empty. Choose the file again.');
            let name = '';
            try {
              name = decodeURIComponent(req.get(FILENAME_HEADER) ?? '');
            } catch {
              name = '';
            }
            const attachment = await attachments.store(ctx, body, name);
            res.status(201).json({
              id: attachment.id,
              filename: attachment.filename,
              contentType: attachment.contentType,
              sizeBytes: attachment.sizeBytes,
              sha256: attachment.sha256,
            });
          } catch (failure) {
            if (failure instanceof AttachmentRefused) return refuse(res, failure.status, 'BAD_REQUEST', failure.reason, failure.message);
            next(failure);
          }
        });
      } catch (failure) {
        next(failure);
      }
    });

    router.get('/attachments/:id', async (req, res, next) => {
      try {
        const ctx = await contextOf(req, res);
        if (!ctx.viewer) return refuse(res, 401, 'UNAUTHENTICATED', 'session/missing', 'Sign in to download this file.');
        const { attachment, content } = await attachments.download(ctx, req.params.id);
        res.status(200);
        res.setHeader('Content-Type', attachment.contentType);
        res.setHeader('Content-Length', String(content.length));
        res.setHeader('Content-Disposition', contentDisposition(attachment.filename));
        res.setHeader('X-Content-Type-Options', 'nosniff');
        // Opened by mistake in a tab, it still runs nothing and reaches nothing.
        res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
        res.setHeader('Cache-Control', 'private, no-store');
        res.end(content);
      } catch (failure) {
        if (isDomainError(failure) && failure.extensions['code'] === 'NOT_FOUND')
          return refuse(res, 404, 'NOT_FOUND', 'not_found', failure.message);
        next(failure);
      }
    });
  };
