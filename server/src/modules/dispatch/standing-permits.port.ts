import type { EntityManager } from '@mikro-orm/postgresql';
import type { CargoKind } from '@cc/shared';

/**
 * What dispatch asks of the permits module, which is built after it (modules/index.ts binds
 * it late): which standby vehicles hold a valid standing permit fit for a cargo, so vehicle
 * suggestions offer them first. Without the permits module nobody is preferred.
 */
export interface StandingPermitsPort {
  vehiclesHoldingPermitFor(em: EntityManager, cargoKind: CargoKind, now: Date): Promise<ReadonlySet<string>>;
}

export type StandingPermitsBinding = () => StandingPermitsPort | null;
