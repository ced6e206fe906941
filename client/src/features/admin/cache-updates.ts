import type { Cache, KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';
import type { CreateMemberUnitMutation, CreateUserMutation } from '@cc/shared/operations';

/** Appends a new record to a cached root list (`users`, `memberUnits`) if it is not there yet. */
function appendToList(
  cache: Cache,
  listField: string,
  entity: { __typename?: string; id: string } | null | undefined,
  typename: string,
): void {
  if (!entity) return;
  const key = cache.keyOfEntity({ __typename: typename, id: entity.id });
  if (!key) return;
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== listField) continue;
    const list = cache.resolve('Query', field.fieldKey);
    if (!Array.isArray(list)) continue;
    const keys = list.filter((k): k is string => typeof k === 'string');
    if (keys.includes(key)) continue;
    // Without arguments, link by name alone: an empty arguments object would address "users({})", another field.
    if (field.arguments) cache.link('Query', field.fieldName, field.arguments, [...keys, key]);
    else cache.link('Query', field.fieldName, [...keys, key]);
  }
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
