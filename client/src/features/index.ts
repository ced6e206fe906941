import type { FeatureManifest } from '../app/feature';
import { admin } from './admin';
import { alerts } from './alerts';
import { auth } from './auth';
import { coordination } from './coordination';
import { dispatch } from './dispatch';
import { duty } from './duty';
import { incidents } from './incidents';
import { leader } from './leader';
import { logistics } from './logistics';
import { permits } from './permits';

/**
 * The console's features: the one list the router, i18n, the GraphQL client and the alert tray
 * read. A new feature adds a line here and describes itself in its own index.ts.
 *
 * Names follow the server's modules (server/src/modules/), with two exceptions kept on purpose
 * (renaming them would rename every `t('admin.…')` and `t('auth.…')` key for no behaviour):
 *   auth  → identity (signing in and out: `login`, `logout`, `me`)
 *   admin → identity (users, member units, passwords) + audit (the audit trail)
 *
 * Order matters only for the pages: it is the order of the console's routes (navigation is
 * sorted by section and `nav.order`, not by this list).
 */
export const features: readonly FeatureManifest[] = [
  auth,
  leader,
  incidents,
  duty,
  dispatch,
  permits,
  logistics,
  coordination,
  admin,
  alerts,
];
