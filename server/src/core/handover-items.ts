import type { EntityManager } from '@mikro-orm/postgresql';
import type { HandoverItemSeverity } from '@cc/shared';

/**
 * One open item a shift hands to the next (交接班): an open call, an incident near its deadline,
 * a standing alert, a vehicle out… Each module contributes its own, read through its own
 * services, as its manifest's `handoverItems`; the duty module only gathers them and knows no
 * other module's tables. `kind` is a stable word the console has a label for
 * (shared HANDOVER_ITEM_KINDS lists the known ones); `label` is the record's own text.
 */
export interface HandoverItem {
  kind: string;
  label: string;
  /** The record the item is about, for the console's link; null when it has none. */
  target: { entityType: string; entityId: string } | null;
  severity: HandoverItemSeverity;
  /** A finer stable code the console may have words for, e.g. a standing alert's rule id. */
  code?: string | null;
  /** When it becomes (or became) pressing: a deadline, the time it was raised or went out. */
  dueAt?: Date | null;
}

/** The moment the handover is generated for. */
export interface HandoverWindow {
  now: Date;
}

/** One module's open items, read on its own fork of the request's EntityManager. */
export type HandoverItemsSource = (em: EntityManager, window: HandoverWindow) => Promise<HandoverItem[]>;

/** One module's several contributions as one (each read on its own fork). */
export function combineHandoverItems(...sources: readonly HandoverItemsSource[]): HandoverItemsSource {
  return async (em, window) => (await Promise.all(sources.map((source) => source(em.fork(), window)))).flat();
}
