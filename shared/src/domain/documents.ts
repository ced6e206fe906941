import { WORKING_GROUP_OF_ROLE } from './alerts';
import type { Role, WorkingGroup } from './roles';

/** 收文 (a document that came in) or 发文 (one HQ sends out). */
export const DOCUMENT_DIRECTIONS = ['INCOMING', 'OUTGOING'] as const;
export type DocumentDirection = (typeof DOCUMENT_DIRECTIONS)[number];

/** What a routed copy asks of its reader: 阅知 (read it) or 签收 (sign for it, by a due time). */
export const DOCUMENT_ROUTING_PURPOSES = ['READ', 'SIGN'] as const;
export type DocumentRoutingPurpose = (typeof DOCUMENT_ROUTING_PURPOSES)[number];

/** The longest text each document field takes; the console counts against the same limits. */
export const DOCUMENT_TEXT_LIMITS = { docNumber: 60, title: 200, issuer: 120, summary: 2_000, note: 500 } as const;

/** At most this many copies per document (every unit and group of the county fits). */
export const DOCUMENT_MAX_ROUTINGS = 60;

/** Where one copy of a document goes: a working group, a member unit or a person (exactly one). */
export interface DocumentRoutingTarget {
  targetGroup?: WorkingGroup | null;
  targetUnitId?: string | null;
  targetUserId?: string | null;
}

/**
 * Who may read and sign one routed copy: the person it names, a liaison of the unit it names,
 * someone of the group it names, or a leader (who may act for anyone). Both ends use it.
 */
export function canActOnDocumentRouting(
  viewer: { userId: string; roles: readonly Role[]; unitId: string | null },
  routing: DocumentRoutingTarget,
): boolean {
  if (viewer.roles.includes('LEADER')) return true;
  if (routing.targetUserId != null) return routing.targetUserId === viewer.userId;
  if (routing.targetGroup != null) return viewer.roles.some((r) => WORKING_GROUP_OF_ROLE[r] === routing.targetGroup);
  return routing.targetUnitId != null && viewer.roles.includes('UNIT_LIAISON') && viewer.unitId === routing.targetUnitId;
}

// ---------------------------------------------------------------------------- attachments

/**
 * The header the console sends with an upload. A page on another site cannot add a custom
 * header without a CORS preflight, which the server never grants: its presence proves the
 * request came from the console's own scripts (the session cookie alone does not).
 */
export const CSRF_HEADER = 'x-cc-csrf';
export const CSRF_HEADER_VALUE = '1';

/** The kinds of file an attachment may be, detected from the bytes (never from the sender's word). */
export const ATTACHMENT_KINDS = {
  PDF: { contentType: 'application/pdf', extension: 'pdf' },
  PNG: { contentType: 'image/png', extension: 'png' },
  JPEG: { contentType: 'image/jpeg', extension: 'jpg' },
  DOCX: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  XLSX: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  TEXT: { contentType: 'text/plain; charset=utf-8', extension: 'txt' },
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

/** Default largest attachment (ATTACHMENT_MAX_BYTES overrides it). */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The database refuses anything larger, whatever the configuration says (migration 0020). */
export const ATTACHMENT_HARD_MAX_BYTES = 50 * 1024 * 1024;
