import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { SupplyCatalogueDocument, type SupplyCatalogueQuery } from '@cc/shared/operations';

export type CatalogueItem = SupplyCatalogueQuery['supplyItems'][number];
export type CataloguePlace = SupplyCatalogueQuery['supplyPlaces'][number];

/** The catalogue and the places, for the dialogs' choices. */
export function useSupplyCatalogue() {
  const query = useQuery({ query: SupplyCatalogueDocument });
  const items = computed<readonly CatalogueItem[]>(() => query.data.value?.supplyItems.filter((i) => i.active) ?? []);
  const places = computed<readonly CataloguePlace[]>(() => query.data.value?.supplyPlaces.filter((p) => p.active) ?? []);
  return { items, places, fetching: query.fetching };
}
