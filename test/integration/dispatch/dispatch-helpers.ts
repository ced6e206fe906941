import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app';

/** What the dispatch integration tests read back; field names as in shared/schema.graphql. */
export interface BoardVehicle {
  id: string;
  plate: string;
  status: string;
  statusSince: string;
  capacityTonnes: number;
  vehicleType: string;
  version: number;
  currentOrder: { id: string; number: string } | null;
  currentAssignment: { id: string; assignedByName: string } | null;
}

export interface Board {
  standbyBoard: {
    companies: { id: string; code: string; name: string; standbyQuota: number; version: number; vehicles: BoardVehicle[] }[];
    readiness: {
      readyCount: number;
      vehicleCount: number;
      readyFloor: number;
      belowFloor: boolean;
      companies: { id: string; code: string; readyCount: number; standbyQuota: number; belowQuota: boolean }[];
    };
  };
}

export const BOARD = `{
  standbyBoard {
    companies { id code name standbyQuota version vehicles {
      id plate status statusSince capacityTonnes vehicleType version
      currentOrder { id number } currentAssignment { id assignedByName }
    } }
    readiness { readyCount vehicleCount readyFloor belowFloor companies { id code readyCount standbyQuota belowQuota } }
  }
}`;

export const ORDER_FIELDS = `id number status priority greenChannel version cargoKind cargoAmount cargoUnit
  requestingUnitId createdAt assignedAt departedAt arrivedAt completedAt cancelledAt cancelReason
  assignments { id vehicleId assignedByName assignedAt releasedAt vehicle { plate status } }`;

export const CREATE_ORDER = `mutation($input: CreateDispatchOrderInput!) { createDispatchOrder(input: $input) { ${ORDER_FIELDS} } }`;
export const ASSIGN = `mutation($input: AssignVehiclesInput!) { assignVehicles(input: $input) { ${ORDER_FIELDS} } }`;

export interface Order {
  id: string;
  number: string;
  status: string;
  priority: number;
  greenChannel: boolean;
  version: number;
  requestingUnitId: string | null;
  createdAt: string;
  assignedAt: string | null;
  departedAt: string | null;
  arrivedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string;
  assignments: {
    id: string;
    vehicleId: string;
    assignedByName: string;
    assignedAt: string;
    releasedAt: string | null;
    vehicle: { plate: string; status: string };
  }[];
}

export async function readBoard(t: TestApp, cookie: string): Promise<Board['standbyBoard']> {
  const response = await t.gql<Board>(BOARD, {}, cookie);
  expect(response.errors).toBeUndefined();
  return response.data!.standbyBoard;
}

export async function vehicleByPlate(t: TestApp, cookie: string, plate: string): Promise<BoardVehicle> {
  const board = await readBoard(t, cookie);
  const vehicle = board.companies.flatMap((c) => c.vehicles).find((v) => v.plate === plate);
  if (!vehicle) throw new Error(`no vehicle ${plate} on the board`);
  return vehicle;
}

export async function createOrder(t: TestApp, cookie: string, input: Record<string, unknown> = {}): Promise<Order> {
  const response = await t.gql<{ createDispatchOrder: Order }>(
    CREATE_ORDER,
    {
      input: {
        cargoKind: 'EPIDEMIC_SUPPLIES',
        cargoDescription: '医用口罩',
        cargoAmount: 3,
        cargoUnit: 'TONNES',
        origin: '县应急物资储备库',
        destination: '城关交通检疫点',
        requestingGroup: 'LOGISTICS',
        ...input,
      },
    },
    cookie,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.createDispatchOrder;
}

/** Creates a person through the administrator's own mutation and signs them in. */
export async function createPerson(
  t: TestApp,
  adminCookie: string,
  person: { username: string; displayName: string; roles: string[]; unitId?: string | null },
): Promise<string> {
  const password = 'test-password-123';
  const response = await t.gql(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { ...person, password, unitId: person.unitId ?? null } },
    adminCookie,
  );
  expect(response.errors).toBeUndefined();
  return t.login(person.username, password);
}
