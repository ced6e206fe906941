import type { Viewer } from '../../core/context';

/**
 * Record-level rules for incidents. Incidents are HQ's shared picture: every HQ role sees
 * all of them (协调统一、信息互通); a unit liaison works only with their unit's own
 * requests and reports, so sees none here.
 */
export const incidentPolicy = {
  canSeeAll(viewer: Viewer | null): boolean {
    return viewer !== null && viewer.roles.some((r) => r !== 'UNIT_LIAISON');
  },
};
