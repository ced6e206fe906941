import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PermitFacts } from '@cc/shared';
import type { PermitAssignmentLink } from './permit-assignment-link.entity';
import type { PermitLinksService } from './permit-links.service';
import type { StandingPermit } from './standing-permit.entity';

/**
 * Batched reads behind the permit fields of the dispatch types: a standby board of 15
 * vehicles costs one query for their standing permits and one for those permits. One set per
 * EntityManager (per request, per subscription event), as dispatch's loaders.
 */
export class PermitLinkLoaders {
  constructor(
    private readonly em: EntityManager,
    private readonly links: PermitLinksService,
  ) {}

  readonly standingByVehicle = new DataLoader<string, StandingPermit | null>(async (ids) => {
    const rows = await this.links.standingOf(this.em, ids);
    return ids.map((id) => rows.find((r) => r.vehicleId === id) ?? null);
  });

  readonly linkByAssignment = new DataLoader<string, PermitAssignmentLink | null>(async (ids) => {
    const rows = await this.links.linksOf(this.em, ids);
    return ids.map((id) => rows.find((r) => r.assignmentId === id) ?? null);
  });

  readonly permit = new DataLoader<string, PermitFacts | null>(async (ids) => {
    const rows = await this.links.facts(this.em, ids);
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
}

const loaders = new WeakMap<EntityManager, PermitLinkLoaders>();

export function permitLinkLoaders(em: EntityManager, links: PermitLinksService): PermitLinkLoaders {
  let found = loaders.get(em);
  if (!found) {
    found = new PermitLinkLoaders(em, links);
    loaders.set(em, found);
  }
  return found;
}
