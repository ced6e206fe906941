import type { RequestHandler } from 'express';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@cc/shared';

/** The content types a cross-site page can POST without a CORS preflight (a form, or fetch in no-cors mode). */
const SIMPLE_CONTENT_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * Cross-site request forgery guard for /graphql.
 *
 * - A POST must say it is JSON: a form post or a text/plain body (what another site can send
 *   without a preflight) is refused with 400 before anything runs.
 * - A browser that says the request comes from another site (`Sec-Fetch-Site: cross-site`)
 *   is refused with 403, whatever the method.
 * - A GET may run queries only (Apollo answers 405 to a mutation over GET) and is allowed
 *   without a special header, as GraphQL over HTTP expects: the session cookie is
 *   SameSite=Strict, so another site's GET carries no session, and it cannot read the answer.
 *
 * This replaces Apollo's `csrfPrevention`, which also refuses every plain GET query.
 */
export function csrfGuard(): RequestHandler {
  return (req, res, next) => {
    if (req.get('sec-fetch-site') === 'cross-site') {
      res
        .status(403)
        .json(refusal('Requests from other sites are not accepted. Open the console from its own address.', 'request/cross_site'));
      return;
    }
    if (req.method !== 'POST') return next();
    const mime = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (mime === '' || SIMPLE_CONTENT_TYPES.has(mime)) {
      res
        .status(400)
        .json(
          refusal(
            `POST /graphql takes a JSON body with "Content-Type: application/json"${mime ? `, not ${mime}` : ''}. Form and plain-text posts are refused to prevent cross-site request forgery.`,
            'request/csrf',
          ),
        );
      return;
    }
    next();
  };
}

function refusal(message: string, reason: string) {
  return { errors: [{ message, extensions: { code: 'BAD_REQUEST', reason } }] };
}

/**
 * Cross-site request forgery guard for a module's own POST routes (uploads), whose bodies are not
 * JSON: the request must carry the console's custom header (shared CSRF_HEADER). Another site can
 * send neither it (a custom header needs a CORS preflight, never granted) nor the SameSite=Strict
 * session cookie. Refused with 403, before the body is read.
 */
export function requireCsrfHeader(): RequestHandler {
  return (req, res, next) => {
    if (req.get('sec-fetch-site') === 'cross-site') {
      res
        .status(403)
        .json(refusal('Requests from other sites are not accepted. Open the console from its own address.', 'request/cross_site'));
      return;
    }
    if (req.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
      res
        .status(403)
        .json(
          refusal(
            `This request must carry the header "${CSRF_HEADER}: ${CSRF_HEADER_VALUE}" (the console sends it), to prevent cross-site request forgery.`,
            'request/csrf',
          ),
        );
      return;
    }
    next();
  };
}
