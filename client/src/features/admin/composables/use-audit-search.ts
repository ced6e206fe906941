import { useClientHandle } from '@urql/vue';
import { reactive, ref, shallowRef } from 'vue';
import { AuditRecordsDocument, type AuditFilter, type AuditRecordsQuery } from '@cc/shared/operations';
import { instantFromHqPicker } from '../../../app/hq-time-format';
import { reportError } from '../../../app/report-error';

export type AuditRecordRow = AuditRecordsQuery['auditRecords']['records'][number];

const PAGE_SIZE = 50;

/**
 * The audit search: filters, the records found so far (newest first) and "load more" for the
 * next older page. Always read from the server: the trail changes with every mutation.
 */
export function useAuditSearch() {
  const client = useClientHandle().client;
  const filters = reactive({
    actorId: '' as string,
    entityType: '' as string,
    entityId: '' as string,
    operation: '' as string,
    period: null as [Date, Date] | null,
  });
  const records = shallowRef<AuditRecordRow[]>([]);
  const hasMore = ref(false);
  const busy = ref(false);
  const error = shallowRef<unknown>(null);
  let cursor: string | null = null;
  let generation = 0;

  function filterOf(): AuditFilter {
    return {
      actorId: filters.actorId || null,
      entityType: filters.entityType.trim() || null,
      entityId: filters.entityId.trim() || null,
      operation: filters.operation.trim() || null,
      // The period is picked on HQ's clock (the trail shows HQ time), whatever the browser's zone.
      from: filters.period?.[0] ? instantFromHqPicker(filters.period[0]).toISOString() : null,
      to: filters.period?.[1] ? instantFromHqPicker(filters.period[1]).toISOString() : null,
    };
  }

  async function load(append: boolean): Promise<void> {
    const mine = append ? generation : ++generation;
    busy.value = true;
    error.value = null;
    try {
      const result = await client
        .query(
          AuditRecordsDocument,
          { filter: filterOf(), first: PAGE_SIZE, after: append ? cursor : null },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      if (mine !== generation) return; // a newer search replaced this one
      if (result.error || !result.data) {
        error.value = result.error ?? new Error('no data');
        reportError(error.value);
        return;
      }
      const page = result.data.auditRecords;
      records.value = append ? [...records.value, ...page.records] : page.records;
      cursor = page.endCursor;
      hasMore.value = page.hasMore;
    } finally {
      if (mine === generation) busy.value = false;
    }
  }

  function reset(): void {
    Object.assign(filters, { actorId: '', entityType: '', entityId: '', operation: '', period: null });
    void load(false);
  }

  return { filters, records, hasMore, busy, error, search: () => load(false), loadMore: () => load(true), reset };
}
