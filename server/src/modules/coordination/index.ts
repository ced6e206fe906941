import { defineModule } from '../../core/module';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { UserService } from '../identity/user.service';
import { documentSignoffOverdueRule } from './alert-rules/document-signoff-overdue.rule';
import { AttachmentSchema } from './attachment.entity';
import { attachmentRoutes } from './attachment.http';
import { AttachmentService } from './attachment.service';
import { DocumentRoutingSchema, DocumentSchema } from './document.entity';
import { DOCUMENT_TOPIC } from './document.events';
import { DocumentFields, DocumentResolver, DocumentRoutingFields } from './document.resolver';
import { DOCUMENT_OWNER, DocumentService } from './document.service';
import { Migration0020DocumentsAndAttachments } from './migrations/0020-documents-and-attachments';

export interface CoordinationModuleDeps {
  units: MemberUnitService;
  users: UserService;
}

/**
 * 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23).
 * `attachments` is the generic file store: another module registers its owner type
 * (`attachments.registerOwner`) and gives uploaded files to its records with `attachments.claim`.
 */
export function createCoordinationModule(deps: CoordinationModuleDeps) {
  const attachments = new AttachmentService();
  const documents = new DocumentService(deps.units, deps.users, attachments);
  attachments.registerOwner(DOCUMENT_OWNER, { canSee: (em, viewer, id) => documents.maySee(em, viewer, id) });
  return defineModule(
    {
      name: 'coordination',
      workingGroup: 'COORDINATION',
      entities: [DocumentSchema, DocumentRoutingSchema, AttachmentSchema],
      resolvers: [
        new DocumentResolver(documents, deps.units, deps.users),
        new DocumentFields(documents, attachments),
        new DocumentRoutingFields(documents),
      ],
      migrations: [{ name: '0020-documents-and-attachments', class: Migration0020DocumentsAndAttachments }],
      topics: [DOCUMENT_TOPIC],
      alertRules: [documentSignoffOverdueRule(documents)],
      httpRoutes: attachmentRoutes(attachments),
    },
    { documents, attachments },
  );
}
