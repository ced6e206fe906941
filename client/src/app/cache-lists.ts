import type { Cache, Variables } from '@urql/exchange-graphcache';

/** One cached list: its arguments as the query gave them (null: none), and its entities' keys. */
export interface CachedList {
  arguments: Variables | null;
  keys: string[];
}

/** Every cached copy of the list `fieldName` on `parent` (one per set of arguments). */
export function cachedLists(cache: Cache, parent: string, fieldName: string): CachedList[] {
  const lists: CachedList[] = [];
  for (const field of cache.inspectFields(parent)) {
    if (field.fieldName !== fieldName) continue;
    const list = cache.resolve(parent, field.fieldKey);
    if (!Array.isArray(list)) continue;
    lists.push({ arguments: field.arguments, keys: list.filter((k): k is string => typeof k === 'string') });
  }
  return lists;
}

/**
 * Replaces a cached list's entries. A list without arguments is linked by name alone: an empty
 * arguments object would address "field({})", another field no query reads.
 */
export function relink(cache: Cache, parent: string, fieldName: string, list: CachedList, keys: string[]): void {
  if (list.arguments) cache.link(parent, fieldName, list.arguments, keys);
  else cache.link(parent, fieldName, keys);
}

/** `keys` with `key` before the first entry `comesAfter` picks, or at the end. */
export function insertKey(keys: readonly string[], key: string, comesAfter: (listed: string) => boolean): string[] {
  const index = keys.findIndex(comesAfter);
  return index < 0 ? [...keys, key] : [...keys.slice(0, index), key, ...keys.slice(index)];
}

export interface Placement {
  /** Whether the entity belongs in the list with these arguments (default: every list). */
  belongs?: (args: Variables) => boolean;
  /** True for the first listed entry the entity goes before (default: none, so at the end). */
  comesAfter?: (listed: string) => boolean;
}

/**
 * Puts the entity `key` into every cached list `fieldName` on `parent` it belongs to and takes
 * it out of the others. An entity already listed keeps its place: its fields update in place
 * through the normalised cache, only membership is handled here.
 */
export function placeInLists(cache: Cache, parent: string, fieldName: string, key: string, placement: Placement = {}): void {
  const { belongs = () => true, comesAfter = () => false } = placement;
  for (const list of cachedLists(cache, parent, fieldName)) {
    const listed = list.keys.includes(key);
    const wanted = belongs(list.arguments ?? {});
    if (listed === wanted) continue;
    relink(cache, parent, fieldName, list, wanted ? insertKey(list.keys, key, comesAfter) : list.keys.filter((k) => k !== key));
  }
}

/** For lists newest first: true for a listed entity whose `field` (a timestamp) is older than `at`. */
export const olderThan =
  (cache: Cache, field: string, at: string) =>
  (listed: string): boolean =>
    Date.parse(String(cache.resolve(listed, field))) < Date.parse(at);
