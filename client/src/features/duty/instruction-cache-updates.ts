import type { Cache, KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';
import { olderThan, placeInLists } from '../../app/cache-lists';
import type {
  GenerateShiftHandoverMutation,
  HqInstructionChangedSubscription,
  HqInstructionFieldsFragment,
  RecordHqInstructionMutation,
  ShiftHandoverChangedSubscription,
  ShiftHandoverFieldsFragment,
  SignShiftHandoverMutation,
} from '@cc/shared/operations';

/**
 * Puts an instruction into every cached `hqInstructions` list, newest received first, and takes
 * it out of an open-only list once every copy is signed for (the server's filter, mirrored).
 */
export function placeHqInstruction(
  cache: Cache,
  instruction: Pick<HqInstructionFieldsFragment, 'id' | 'receivedAt' | 'fullyAcknowledgedAt'>,
) {
  const key = cache.keyOfEntity({ __typename: 'HqInstruction', id: instruction.id });
  if (!key) return;
  placeInLists(cache, 'Query', 'hqInstructions', key, {
    belongs: (args) => !(args['onlyOpen'] === true && instruction.fullyAcknowledgedAt !== null),
    comesAfter: olderThan(cache, 'receivedAt', instruction.receivedAt),
  });
}

/**
 * The handover in the making is `currentShiftHandover` until both have signed; the list of
 * handovers is newest first. A handover just closed stays in the list and leaves "current".
 */
export function placeShiftHandover(cache: Cache, handover: Pick<ShiftHandoverFieldsFragment, 'id' | 'generatedAt' | 'closedAt'>) {
  const key = cache.keyOfEntity({ __typename: 'ShiftHandover', id: handover.id });
  if (!key) return;
  const current = cache.resolve('Query', 'currentShiftHandover');
  if (handover.closedAt === null) cache.link('Query', 'currentShiftHandover', key);
  else if (current === key) cache.link('Query', 'currentShiftHandover', null);
  placeInLists(cache, 'Query', 'shiftHandovers', key, { comesAfter: olderThan(cache, 'generatedAt', handover.generatedAt) });
}

/** HQ instructions and handovers: wrappers and parts that are not records of their own. */
export const instructionCacheKeys: KeyingConfig = {
  HqInstructionChange: () => null,
  ShiftHandoverChange: () => null,
  HandoverItem: () => null,
  HandoverItemTarget: () => null,
};

export const instructionCacheUpdates: UpdatesConfig = {
  Subscription: {
    hqInstructionChanged(result, _args, cache) {
      const change = (result as HqInstructionChangedSubscription).hqInstructionChanged;
      if (change) placeHqInstruction(cache, change.instruction);
    },
    shiftHandoverChanged(result, _args, cache) {
      const change = (result as ShiftHandoverChangedSubscription).shiftHandoverChanged;
      if (change) placeShiftHandover(cache, change.handover);
    },
  },
  Mutation: {
    // The officer sees their own change at once; the live event that follows is a no-op.
    recordHqInstruction(result, _args, cache) {
      placeHqInstruction(cache, (result as RecordHqInstructionMutation).recordHqInstruction);
    },
    generateShiftHandover(result, _args, cache) {
      placeShiftHandover(cache, (result as GenerateShiftHandoverMutation).generateShiftHandover);
    },
    signShiftHandover(result, _args, cache) {
      placeShiftHandover(cache, (result as SignShiftHandoverMutation).signShiftHandover);
    },
  },
};
