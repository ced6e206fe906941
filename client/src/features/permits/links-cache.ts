import type { KeyingConfig } from '@urql/exchange-graphcache';

/** The permits' dispatch-side answers that are not records of their own (a permit itself is, by id). */
export const permitLinksCacheKeys: KeyingConfig = {
  StandingPermit: () => null,
  AssignmentPermit: () => null,
  PermitFigures: () => null,
  PermitCargoFigures: () => null,
};
