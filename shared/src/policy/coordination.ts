import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/** Who registers, routes and chases documents (文件运转): the coordination group; a leader may too. */
const DOCUMENT_CLERKS: readonly Role[] = ['COORDINATOR', 'LEADER'];

/** 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23). */
export const COORDINATION_POLICY = {
  // Documents (文件运转): HQ reads every document; a liaison only those routed to their unit or to
  // them; each reader marks read (阅知) or signs for (签收) their own copy (record-level: document.policy.ts).
  documents: [...HQ, 'UNIT_LIAISON'],
  document: [...HQ, 'UNIT_LIAISON'],
  myDocumentInbox: [...HQ, 'UNIT_LIAISON'],
  documentChanged: [...HQ, 'UNIT_LIAISON'],
  documentRecipients: DOCUMENT_CLERKS,
  registerDocument: DOCUMENT_CLERKS,
  routeDocument: DOCUMENT_CLERKS,
  remindDocumentReaders: DOCUMENT_CLERKS,
  markDocumentRead: [...HQ, 'UNIT_LIAISON'],
  signDocument: [...HQ, 'UNIT_LIAISON'],
} as const satisfies PolicySlice;
