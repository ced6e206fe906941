import type { HandoverItemsSource } from '../../core/handover-items';
import type { DirectiveService } from './directive.service';

/** Directives still open past their deadline: the next shift must chase them. */
export function directiveHandoverItems(directives: DirectiveService): HandoverItemsSource {
  return async (em, { now }) =>
    (await directives.overdue(em, now)).map((directive) => ({
      kind: 'DIRECTIVE_OVERDUE',
      label: `${directive.title}（${directive.ownerName}）`,
      target: { entityType: 'Directive', entityId: directive.id },
      severity: 'CRITICAL' as const,
      dueAt: directive.deadline,
    }));
}
