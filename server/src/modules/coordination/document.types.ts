import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  DOCUMENT_DIRECTIONS,
  DOCUMENT_ROUTING_PURPOSES,
  type DocumentDirection,
  type DocumentRoutingPurpose,
  type WorkingGroup,
} from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';
import { MemberUnitType } from '../identity/identity.types';
import { PersonRefType, WorkingGroupEnum } from '../incidents/incident.types';

export const DocumentDirectionEnum = graphqlEnum(DOCUMENT_DIRECTIONS, 'DocumentDirection', '收文 (INCOMING) or 发文 (OUTGOING).');
export const DocumentRoutingPurposeEnum = graphqlEnum(
  DOCUMENT_ROUTING_PURPOSES,
  'DocumentRoutingPurpose',
  'What a routed copy asks: READ (阅知) or SIGN (签收, by a due time).',
);

@ObjectType('Attachment', { description: 'A file attached to a record; download it from GET /attachments/{id}.' })
export class AttachmentType {
  @Field(() => ID) id!: string;
  @Field(() => String) filename!: string;
  @Field(() => String, { description: 'Detected from the file’s bytes.' }) contentType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field(() => String, { description: 'SHA-256 of the bytes, hexadecimal.' }) sha256!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String) uploadedByName!: string;
}

@ObjectType('DocumentRouting', {
  description: 'One routed copy of a document: to a working group, a member unit or a person, to read (阅知) or sign for (签收).',
})
export class DocumentRoutingType {
  @Field(() => ID) id!: string;
  @Field(() => ID) documentId!: string;
  @Field(() => WorkingGroupEnum, { nullable: true }) targetGroup?: WorkingGroup | null;
  @Field(() => ID, { nullable: true }) targetUnitId?: string | null;
  @Field(() => ID, { nullable: true }) targetUserId?: string | null;
  @Field(() => String, { description: 'The unit’s or person’s name when routed; empty for a group.' }) targetName!: string;
  @Field(() => DocumentRoutingPurposeEnum) purpose!: DocumentRoutingPurpose;
  @Field(() => Date, { nullable: true, description: 'When a sign-off is due; null for a copy to read.' }) dueAt?: Date | null;
  @Field(() => Date) routedAt!: Date;
  @Field(() => Date, { nullable: true }) readAt?: Date | null;
  @Field(() => String) readByName!: string;
  @Field(() => Date, { nullable: true }) signedAt?: Date | null;
  @Field(() => String) signedByName!: string;
  @Field(() => String) signNote!: string;
  @Field(() => Date, { nullable: true, description: 'When its reader was last reminded (催办).' }) remindedAt?: Date | null;
  @Field(() => Int) remindCount!: number;
  @Field(() => Int) version!: number;
}

@ObjectType('Document', { description: '收文 or 发文: a document the coordination group registered and circulates (文件运转).' })
export class DocumentType {
  @Field(() => ID) id!: string;
  @Field(() => DocumentDirectionEnum) direction!: DocumentDirection;
  @Field(() => String, { description: '文号.' }) docNumber!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: '发文单位: who issued it.' }) issuer!: string;
  @Field(() => String) summary!: string;
  @Field(() => Date) registeredAt!: Date;
  @Field(() => String) registeredByName!: string;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('DocumentChange', { description: 'One committed change of a document, with the document as it is now.' })
export class DocumentChangeType extends ChangeOf(() => DocumentType, 'document') {}

@ObjectType('DocumentRecipients', { description: 'Who a document may be routed to besides the working groups.' })
export class DocumentRecipientsType {
  @Field(() => [MemberUnitType]) units!: MemberUnitType[];
  @Field(() => [PersonRefType]) people!: PersonRefType[];
}

@InputType({ description: 'Where a copy goes (exactly one of group, unitId, userId) and what it asks.' })
export class DocumentTargetInput {
  @Field(() => WorkingGroupEnum, { nullable: true }) group?: WorkingGroup | null;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => DocumentRoutingPurposeEnum) purpose!: DocumentRoutingPurpose;
  @Field(() => Date, { nullable: true, description: 'Required for SIGN: in the future, within 31 days; none for READ.' })
  dueAt?: Date | null;
}

@InputType({ description: 'A document to register (登记), its uploaded attachments, and optionally its first targets.' })
export class RegisterDocumentInput {
  @Field(() => DocumentDirectionEnum) direction!: DocumentDirection;
  @Field(() => String, { description: '文号; at most 60 characters; unique per direction.' }) docNumber!: string;
  @Field(() => String, { description: 'At most 200 characters.' }) title!: string;
  @Field(() => String, { description: '发文单位; at most 120 characters.' }) issuer!: string;
  @Field(() => String, { nullable: true, description: 'At most 2000 characters.' }) summary?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Files uploaded through POST /attachments by the same person.' })
  attachmentIds?: string[] | null;
  @Field(() => [DocumentTargetInput], { nullable: true }) targets?: DocumentTargetInput[] | null;
}

@InputType({ description: 'Routes a registered document to more targets.' })
export class RouteDocumentInput {
  @Field(() => ID) documentId!: string;
  @Field(() => [DocumentTargetInput]) targets!: DocumentTargetInput[];
}

@InputType({ description: 'Signs for (签收) one copy routed for sign-off.' })
export class SignDocumentInput {
  @Field(() => ID) routingId!: string;
  @Field(() => String, { nullable: true, description: 'At most 500 characters.' }) note?: string | null;
}
