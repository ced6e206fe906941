import type { Role } from '../domain/roles';

/**
 * Who may use a root operation. `AUTHENTICATED` means any signed-in user; `PUBLIC` means anyone
 * (sign-in itself). `PUBLIC` applies to HTTP: the WebSocket accepts only signed-in sockets (an
 * anonymous one is closed with 4401 at connection_init), so over it every operation needs a session.
 */
export type Access = readonly Role[] | 'AUTHENTICATED' | 'PUBLIC';

/** One module's part of the authorization table: its root operations and who may use them. */
export type PolicySlice = Readonly<Record<string, Access>>;

/** Every HQ working group's role (everyone but a member unit's liaison). */
export const HQ: readonly Role[] = ['DUTY_OFFICER', 'LEADER', 'DISPATCHER', 'LOGISTICS_OFFICER', 'COORDINATOR', 'ADMIN'];
