import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, nullIfNotFound, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { UserService } from '../identity/user.service';
import type { Attachment } from './attachment.entity';
import { MAX_ATTACHMENTS, type AttachmentService } from './attachment.service';
import { DOCUMENT_MAX_ROUTINGS } from '@cc/shared';
import type { Document, DocumentRouting } from './document.entity';
import { DOCUMENT_TOPIC } from './document.events';
import { documentPolicy } from './document.policy';
import { isOverdue } from './document.rules';
import { DOCUMENT_OWNER, type DocumentService } from './document.service';
import {
  AttachmentType,
  DocumentChangeType,
  DocumentRecipientsType,
  DocumentRoutingType,
  DocumentType,
  RegisterDocumentInput,
  RouteDocumentInput,
  SignDocumentInput,
} from './document.types';

/** HQ sees every document; a liaison only those routed to their unit or to them (the payload says which, no read). */
const documentChanges = liveChanges({
  operation: 'documentChanged',
  topic: DOCUMENT_TOPIC,
  canSee: (viewer, event) => documentPolicy.canSee(viewer, { unitIds: event.payload.targetUnitIds, userIds: event.payload.targetUserIds }),
});

/** Documents (文件运转): register, route, read, sign, remind; the list, the inbox and the live stream. */
@Resolver()
export class DocumentResolver {
  constructor(
    private readonly documents: DocumentService,
    private readonly units: MemberUnitService,
    private readonly users: UserService,
  ) {}

  @Allow('documents')
  @Query(() => [DocumentType], {
    name: 'documents',
    description: 'Documents, newest registered first; a unit liaison sees those routed to their unit or to them.',
  })
  documentList(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { defaultValue: '', description: 'Part of the number, title or issuer.' }) search: string,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200.' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<Document[]> {
    return this.documents.list(ctx.em, ctx.viewer, { search, first, offset });
  }

  @Allow('document')
  @Query(() => DocumentType)
  document(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Document> {
    return this.documents.get(ctx.em, ctx.viewer, id);
  }

  @Allow('myDocumentInbox')
  @Query(() => [DocumentRoutingType], {
    description: 'The signed-in person’s copies still to read or sign: to them, their unit or their working group; due first.',
  })
  myDocumentInbox(@Ctx() ctx: Context): Promise<DocumentRouting[]> {
    return this.documents.inbox(ctx.em, ctx.viewer);
  }

  @Allow('documentRecipients')
  @Query(() => DocumentRecipientsType, { description: 'The active member units and people a document may be routed to.' })
  async documentRecipients(@Ctx() ctx: Context): Promise<DocumentRecipientsType> {
    const [units, users] = await Promise.all([this.units.list(ctx.em), this.users.list(ctx.em)]);
    return {
      units: units.filter((u) => u.active),
      people: users.filter((u) => u.active).map((u) => ({ id: u.id, displayName: u.displayName })),
    };
  }

  @Allow('registerDocument')
  @Mutation(() => DocumentType, {
    description: 'Registers (登记) a document with its uploaded attachments, and routes it if targets are given.',
  })
  registerDocument(@Ctx() ctx: Context, @Arg('input', () => RegisterDocumentInput) input: RegisterDocumentInput): Promise<Document> {
    return this.documents.register(ctx, input);
  }

  @Allow('routeDocument')
  @Mutation(() => DocumentType, {
    description: 'Routes a document to more groups, units or people; a target it already went to is refused.',
  })
  routeDocument(@Ctx() ctx: Context, @Arg('input', () => RouteDocumentInput) input: RouteDocumentInput): Promise<Document> {
    return this.documents.route(ctx, input);
  }

  @Allow('markDocumentRead')
  @Mutation(() => DocumentType, { description: 'Marks one copy read (阅知): its addressee, its unit’s liaison, its group, or a leader.' })
  markDocumentRead(@Ctx() ctx: Context, @Arg('routingId', () => ID) routingId: string): Promise<Document> {
    return this.documents.markRead(ctx, { routingId });
  }

  @Allow('signDocument')
  @Mutation(() => DocumentType, {
    description: 'Signs for (签收) one copy routed for sign-off; a copy already signed is refused with CONFLICT naming who.',
  })
  signDocument(@Ctx() ctx: Context, @Arg('input', () => SignDocumentInput) input: SignDocumentInput): Promise<Document> {
    return this.documents.sign(ctx, input);
  }

  @Allow('remindDocumentReaders')
  @Mutation(() => DocumentType, { description: 'Reminds (催办) every copy still unread or unsigned.' })
  remindDocumentReaders(@Ctx() ctx: Context, @Arg('documentId', () => ID) documentId: string): Promise<Document> {
    return this.documents.remind(ctx, { documentId });
  }

  @Allow('documentChanged')
  @Subscription(() => DocumentChangeType, {
    nullable: true,
    description:
      'Every committed document change after `after`, then live. A unit liaison receives only those routed to their unit or to them.',
    subscribe: documentChanges.subscribe,
  })
  documentChanged(
    @Root() event: EventRecord<typeof DOCUMENT_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<Document> | null> {
    return documentChanges.resolve(event, (e) => nullIfNotFound(this.documents.get(ctx.em, ctx.viewer, e.entityId)));
  }
}

const routingLoaders = new WeakMap<EntityManager, DataLoader<string, DocumentRouting[]>>();
const attachmentLoaders = new WeakMap<EntityManager, DataLoader<string, Attachment[]>>();

/** A document's copies, batched per request: a list of 50 documents costs one query. */
function routingsLoader(em: EntityManager, service: DocumentService): DataLoader<string, DocumentRouting[]> {
  let loader = routingLoaders.get(em);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await service.routingsOf(em, ids);
      return ids.map((id) => rows.filter((r) => r.documentId === id));
    });
    routingLoaders.set(em, loader);
  }
  return loader;
}

function attachmentsLoader(em: EntityManager, service: AttachmentService): DataLoader<string, Attachment[]> {
  let loader = attachmentLoaders.get(em);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await service.of(em, DOCUMENT_OWNER, ids);
      return ids.map((id) => rows.filter((r) => r.ownerId === id));
    });
    attachmentLoaders.set(em, loader);
  }
  return loader;
}

@Resolver(() => DocumentType)
export class DocumentFields {
  constructor(
    private readonly documents: DocumentService,
    private readonly files: AttachmentService,
  ) {}

  @FieldResolver(() => [DocumentRoutingType], { description: 'Its copies; a unit liaison sees only their own unit’s and their own.' })
  async routings(
    @Root() document: Document,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, {
      defaultValue: DOCUMENT_MAX_ROUTINGS,
      description: `A document has at most ${DOCUMENT_MAX_ROUTINGS} copies.`,
    })
    first: number,
  ): Promise<DocumentRouting[]> {
    const all = (await routingsLoader(ctx.em, this.documents).load(document.id)).slice(0, Math.max(first, 0));
    if (documentPolicy.seesAll(ctx.viewer)) return all;
    return all.filter((r) => documentPolicy.isOwnCopy(ctx.viewer, r));
  }

  @FieldResolver(() => [AttachmentType])
  async attachments(
    @Root() document: Document,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: MAX_ATTACHMENTS, description: `A record has at most ${MAX_ATTACHMENTS} attachments.` })
    first: number,
  ): Promise<Attachment[]> {
    return (await attachmentsLoader(ctx.em, this.files).load(document.id)).slice(0, Math.max(first, 0));
  }
}

@Resolver(() => DocumentRoutingType)
export class DocumentRoutingFields {
  constructor(private readonly documents: DocumentService) {}

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may mark this copy read now.' })
  canMarkRead(@Root() routing: DocumentRouting, @Ctx() ctx: Context): boolean {
    return !routing.readAt && documentPolicy.canAct(ctx.viewer, routing);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may sign for this copy now.' })
  canSign(@Root() routing: DocumentRouting, @Ctx() ctx: Context): boolean {
    return routing.purpose === 'SIGN' && !routing.signedAt && documentPolicy.canAct(ctx.viewer, routing);
  }

  @FieldResolver(() => Boolean, { description: 'A sign-off past its due time and still unsigned.' })
  overdue(@Root() routing: DocumentRouting, @Ctx() ctx: Context): boolean {
    return isOverdue(routing, ctx.clock.now());
  }

  @FieldResolver(() => DocumentType, { description: 'The document this copy is of.' })
  document(@Root() routing: DocumentRouting, @Ctx() ctx: Context): Promise<Document> {
    return this.documents.get(ctx.em, ctx.viewer, routing.documentId);
  }
}
