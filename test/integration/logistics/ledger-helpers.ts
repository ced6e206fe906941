import { expect } from 'vitest';
import type { GraphQLResponse, TestApp } from '../../support/test-app';

/** What the ledger tests read back; field names as in shared/schema.graphql. */
export const ENTRY_FIELDS = `id seq kind itemId quantity fromPlaceId toPlaceId reservedForUnitId recipientUnitId recipientText reversesEntryId reversedById reason note postedByName`;
export const ISSUE = `mutation($input: IssueSuppliesInput!) { issueSupplies(input: $input) { ${ENTRY_FIELDS} } }`;
export const TRANSFER = `mutation($input: TransferSuppliesInput!) { transferSupplies(input: $input) { ${ENTRY_FIELDS} } }`;
export const ADJUST = `mutation($input: AdjustSupplyStockInput!) { adjustSupplyStock(input: $input) { ${ENTRY_FIELDS} } }`;
export const REVERSE = `mutation($input: ReverseSupplyEntryInput!) { reverseSupplyEntry(input: $input) { ${ENTRY_FIELDS} } }`;
export const BALANCES = `query($filter: StockBalanceFilter) { stockBalances(filter: $filter) {
  key itemId itemName placeId placeName placeKind reservedForUnitId quantity minimum dailyUse daysOfCover atRisk } }`;

export interface Balance {
  key: string;
  itemId: string;
  placeId: string;
  reservedForUnitId: string | null;
  quantity: number;
  minimum: number | null;
  dailyUse: number;
  daysOfCover: number | null;
  atRisk: boolean;
}

export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

export async function userId(t: TestApp, cookie: string): Promise<string> {
  return ok(await t.gql<{ me: { userId: string } }>('{ me { userId } }', {}, cookie)).me.userId;
}

export async function unitIds(t: TestApp, cookie: string): Promise<Map<string, string>> {
  const { memberUnits } = ok(await t.gql<{ memberUnits: { id: string; code: string }[] }>('{ memberUnits { id code } }', {}, cookie));
  return new Map(memberUnits.map((u) => [u.code, u.id]));
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export async function createItem(t: TestApp, cookie: string, extra: Record<string, unknown> = {}): Promise<string> {
  return ok(
    await t.gql<{ createSupplyItem: { id: string } }>(
      'mutation($input: CreateSupplyItemInput!) { createSupplyItem(input: $input) { id } }',
      { input: { name: unique('医用外科口罩'), unitOfMeasure: '只', category: 'MASKS', ...extra } },
      cookie,
    ),
  ).createSupplyItem.id;
}

export async function createPlace(
  t: TestApp,
  cookie: string,
  input: { kind: 'DEPOT' | 'CHECKPOINT' | 'UNIT'; keeperId?: string; standInId?: string; unitId?: string },
): Promise<string> {
  return ok(
    await t.gql<{ createSupplyPlace: { id: string } }>(
      'mutation($input: CreateSupplyPlaceInput!) { createSupplyPlace(input: $input) { id } }',
      { input: { code: unique(input.kind).toUpperCase(), name: unique(`${input.kind}地点`), ...input } },
      cookie,
    ),
  ).createSupplyPlace.id;
}

/** Accepts, verifies, registers and stocks; returns the intake's id. */
export async function stock(t: TestApp, cookie: string, input: Record<string, unknown>): Promise<string> {
  const { acceptSupplyIntake } = ok(
    await t.gql<{ acceptSupplyIntake: { id: string } }>(
      'mutation($input: AcceptSupplyIntakeInput!) { acceptSupplyIntake(input: $input) { id } }',
      { input: { source: 'CENTRAL_PURCHASE', ...input } },
      cookie,
    ),
  );
  for (const step of ['VERIFIED', 'REGISTERED', 'STOCKED']) {
    ok(
      await t.gql(
        'mutation($input: AdvanceSupplyIntakeInput!) { advanceSupplyIntake(input: $input) { id status } }',
        { input: { intakeId: acceptSupplyIntake.id, step } },
        cookie,
      ),
    );
  }
  return acceptSupplyIntake.id;
}

export async function balanceOf(t: TestApp, cookie: string, itemId: string, placeId: string, reservedFor: string | null = null) {
  const { stockBalances } = ok(await t.gql<{ stockBalances: Balance[] }>(BALANCES, { filter: { itemId, placeId } }, cookie));
  return stockBalances.find((b) => b.reservedForUnitId === reservedFor)?.quantity ?? 0;
}
