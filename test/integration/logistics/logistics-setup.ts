import type { FixtureEnv } from '../../support/module-tests';

/*
 * Setup for the ledger's fixtures: a fresh item and a depot whose keeper is the fixture
 * administrator and whose stand-in is the actor (专人专库: only they post there), stocked through
 * the four intake steps.
 */

export async function meId(env: FixtureEnv): Promise<string> {
  const { me } = await env.setup<{ me: { userId: string } | null }>('{ me { userId } }');
  return me!.userId;
}

export async function newItem(env: FixtureEnv, extra: Record<string, unknown> = {}): Promise<string> {
  const { createSupplyItem } = await env.setup<{ createSupplyItem: { id: string } }>(
    'mutation($input: CreateSupplyItemInput!) { createSupplyItem(input: $input) { id } }',
    { input: { name: env.unique('84消毒液'), unitOfMeasure: '箱', category: 'DISINFECTANT', ...extra } },
  );
  return createSupplyItem.id;
}

/** A depot the actor may post at (as stand-in; the fixture administrator keeps it). */
export async function newDepot(env: FixtureEnv): Promise<string> {
  const keeperId = await meId(env);
  const standInId = env.actor && env.actor.userId !== keeperId ? env.actor.userId : null;
  const { createSupplyPlace } = await env.setup<{ createSupplyPlace: { id: string } }>(
    'mutation($input: CreateSupplyPlaceInput!) { createSupplyPlace(input: $input) { id } }',
    { input: { code: env.unique('DEPOT').toUpperCase(), name: env.unique('县应急物资仓库'), kind: 'DEPOT', keeperId, standInId } },
  );
  return createSupplyPlace.id;
}

export async function newCheckpoint(env: FixtureEnv): Promise<string> {
  const { createSupplyPlace } = await env.setup<{ createSupplyPlace: { id: string } }>(
    'mutation($input: CreateSupplyPlaceInput!) { createSupplyPlace(input: $input) { id } }',
    { input: { code: env.unique('CP').toUpperCase(), name: env.unique('高速出口检疫点'), kind: 'CHECKPOINT' } },
  );
  return createSupplyPlace.id;
}

/** An intake taken to `until` by the fixture administrator; its id. */
export async function intakeTo(
  env: FixtureEnv,
  input: Record<string, unknown>,
  until: 'ACCEPTED' | 'VERIFIED' | 'REGISTERED' | 'STOCKED',
): Promise<string> {
  const { acceptSupplyIntake } = await env.setup<{ acceptSupplyIntake: { id: string } }>(
    'mutation($input: AcceptSupplyIntakeInput!) { acceptSupplyIntake(input: $input) { id } }',
    { input: { source: 'CENTRAL_PURCHASE', ...input } },
  );
  for (const step of ['VERIFIED', 'REGISTERED', 'STOCKED'] as const) {
    if (['ACCEPTED', 'VERIFIED', 'REGISTERED', 'STOCKED'].indexOf(until) < ['ACCEPTED', 'VERIFIED', 'REGISTERED', 'STOCKED'].indexOf(step))
      break;
    await env.setup('mutation($input: AdvanceSupplyIntakeInput!) { advanceSupplyIntake(input: $input) { id } }', {
      input: { intakeId: acceptSupplyIntake.id, step, qualityNote: step === 'VERIFIED' ? '外观完好' : null },
    });
  }
  return acceptSupplyIntake.id;
}

/** A fresh item stocked with `quantity` at a fresh depot the actor may post at. */
export async function stocked(env: FixtureEnv, quantity = 100): Promise<{ itemId: string; depotId: string }> {
  const itemId = await newItem(env);
  const depotId = await newDepot(env);
  await intakeTo(env, { itemId, placeId: depotId, quantity }, 'STOCKED');
  return { itemId, depotId };
}

export async function issue(env: FixtureEnv, itemId: string, placeId: string, quantity: number): Promise<string> {
  const { issueSupplies } = await env.setup<{ issueSupplies: { id: string } }>(
    'mutation($input: IssueSuppliesInput!) { issueSupplies(input: $input) { id } }',
    { input: { itemId, placeId, quantity, recipientText: '城关镇卫生院' } },
  );
  return issueSupplies.id;
}
