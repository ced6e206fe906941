import type { Role } from '../domain/roles';
import type { Access } from './access';
import { ALERTS_POLICY } from './alerts';
import { AUDIT_POLICY } from './audit';
import { COORDINATION_POLICY } from './coordination';
import { DISPATCH_POLICY } from './dispatch';
import { DUTY_POLICY } from './duty';
import { IDENTITY_POLICY } from './identity';
import { INCIDENTS_POLICY } from './incidents';
import { LEADER_POLICY } from './leader';
import { LOGISTICS_POLICY } from './logistics';
import { PERMITS_POLICY } from './permits';
import { REALTIME_POLICY } from './realtime';

export type { Access, PolicySlice } from './access';

/**
 * Who may use each root operation: the one authorization table (issue 3), kept as one slice per
 * module (shared/src/policy/<module>.ts, named like server/src/modules/<module>; `realtime` is the
 * core's livePosition). The server enforces the merged table (type-graphql's auth checker); the
 * console uses it to show only what the signed-in role may use. Tests fail when an operation of
 * the schema is missing here (test/integration/authorization-policy-coverage.test.ts) or when
 * two slices claim one operation (below, at compile time, and shared/src/policy/policy.test.ts).
 */
export const POLICY_BY_MODULE = {
  identity: IDENTITY_POLICY,
  audit: AUDIT_POLICY,
  realtime: REALTIME_POLICY,
  incidents: INCIDENTS_POLICY,
  alerts: ALERTS_POLICY,
  dispatch: DISPATCH_POLICY,
  duty: DUTY_POLICY,
  coordination: COORDINATION_POLICY,
  permits: PERMITS_POLICY,
  logistics: LOGISTICS_POLICY,
  leader: LEADER_POLICY,
} as const;

export type PolicyModule = keyof typeof POLICY_BY_MODULE;

type Slices = typeof POLICY_BY_MODULE;
/** Operations that two modules' slices both name; `never` while each operation has one owner. */
export type OperationsInTwoSlices = {
  [A in PolicyModule]: { [B in Exclude<PolicyModule, A>]: keyof Slices[A] & keyof Slices[B] }[Exclude<PolicyModule, A>];
}[PolicyModule];

/**
 * Does not compile when an operation is in two slices; the error names it. (The spread below
 * would silently keep the later slice's entry.)
 */
export const POLICY_SLICES_ARE_DISJOINT: [OperationsInTwoSlices] extends [never]
  ? true
  : { 'an operation is in two modules’ policy slices': OperationsInTwoSlices } = true;

export const OPERATION_POLICY = {
  ...IDENTITY_POLICY,
  ...AUDIT_POLICY,
  ...REALTIME_POLICY,
  ...INCIDENTS_POLICY,
  ...ALERTS_POLICY,
  ...DISPATCH_POLICY,
  ...DUTY_POLICY,
  ...COORDINATION_POLICY,
  ...PERMITS_POLICY,
  ...LOGISTICS_POLICY,
  ...LEADER_POLICY,
} as const satisfies Record<string, Access>;

export type OperationName = keyof typeof OPERATION_POLICY;

export function accessFor(operation: string): Access | undefined {
  return (OPERATION_POLICY as Record<string, Access>)[operation];
}

/** The module whose policy slice names the operation, or undefined. */
export function policyModuleOf(operation: string): PolicyModule | undefined {
  return (Object.keys(POLICY_BY_MODULE) as PolicyModule[]).find((module) => operation in POLICY_BY_MODULE[module]);
}

/** Whether someone holding `roles` (or nobody, when signed out) may use the operation. */
export function mayUse(operation: string, roles: readonly Role[] | null): boolean {
  const access = accessFor(operation);
  if (access === undefined) return false;
  if (access === 'PUBLIC') return true;
  if (roles === null) return false;
  if (access === 'AUTHENTICATED') return true;
  return roles.some((r) => access.includes(r));
}
