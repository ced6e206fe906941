import type { Cache, KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';
import { olderThan, placeInLists } from '../../app/cache-lists';
import type { DocumentChangedSubscription, DocumentFieldsFragment, RegisterDocumentMutation } from '@cc/shared/operations';

/** Whether a document matches a list's search (the server's filter, mirrored: number, title, issuer). */
function matchesSearch(document: Pick<DocumentFieldsFragment, 'docNumber' | 'title' | 'issuer'>, search: unknown): boolean {
  const needle = typeof search === 'string' ? search.trim().toLowerCase() : '';
  if (!needle) return true;
  return [document.docNumber, document.title, document.issuer].some((text) => text.toLowerCase().includes(needle));
}

/** Puts a document into every cached `documents` list whose search it matches, newest registered first. */
export function placeDocument(cache: Cache, document: DocumentFieldsFragment): void {
  const key = cache.keyOfEntity({ __typename: 'Document', id: document.id });
  if (!key) return;
  placeInLists(cache, 'Query', 'documents', key, {
    belongs: (args) => matchesSearch(document, args['search']) && !args['offset'],
    comesAfter: olderThan(cache, 'registeredAt', document.registeredAt),
  });
}

/** Wrappers that are not records of their own. */
export const documentCacheKeys: KeyingConfig = {
  DocumentChange: () => null,
  DocumentRecipients: () => null,
};

export const documentCacheUpdates: UpdatesConfig = {
  Subscription: {
    documentChanged(result, _args, cache) {
      const change = (result as DocumentChangedSubscription).documentChanged;
      if (change) placeDocument(cache, change.document);
    },
  },
  Mutation: {
    // The coordinator sees their own document at once; the live event that follows is a no-op.
    registerDocument(result, _args, cache) {
      placeDocument(cache, (result as RegisterDocumentMutation).registerDocument);
    },
  },
};
