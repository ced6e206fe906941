import type { Cache, KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';
import { placeInLists } from '../../app/cache-lists';
import type { CreateMemberUnitMutation, CreateUserMutation } from '@cc/shared/operations';

/** Appends a new record to a cached root list (`users`, `memberUnits`) if it is not there yet. */
function appendToList(
  cache: Cache,
  listField: string,
  entity: { __typename?: string; id: string } | null | undefined,
  typename: string,
): void {
  const key = entity && cache.keyOfEntity({ __typename: typename, id: entity.id });
  if (key) placeInLists(cache, 'Query', listField, key);
}

/** Edits, (de)activations and password resets update listed records in place (normalised by id); only additions need this. */
export const adminCacheUpdates: UpdatesConfig = {
  Mutation: {
    createUser(result, _args, cache) {
      appendToList(cache, 'users', (result as CreateUserMutation).createUser, 'User');
    },
    createMemberUnit(result, _args, cache) {
      appendToList(cache, 'memberUnits', (result as CreateMemberUnitMutation).createMemberUnit, 'MemberUnit');
    },
  },
};

/** A page of audit records is a wrapper, not an entity. */
export const adminCacheKeys: KeyingConfig = {
  AuditRecordPage: () => null,
};
