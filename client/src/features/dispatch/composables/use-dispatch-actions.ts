import { useMutation } from '@urql/vue';
import { ref } from 'vue';
import {
  AssignVehiclesDocument,
  CancelDispatchOrderDocument,
  ChangeVehicleStatusDocument,
  CompleteDispatchOrderDocument,
  MarkOrderArrivedDocument,
  MarkOrderDepartedDocument,
  ReleaseVehicleDocument,
  type DispatchOrderFieldsFragment,
  type VehicleFieldsFragment,
  type VehicleStatus,
} from '@cc/shared/operations';
import { reportDispatchError } from './dispatch-errors';

export type OrderStep = 'depart' | 'arrive' | 'complete';

/**
 * The dispatcher's actions on orders and vehicles. Each returns what the server answered, or
 * null after telling the user why not; `busy` names the record being worked on, cleared in
 * `finally` whatever happens.
 */
export function useDispatchActions() {
  const assignMutation = useMutation(AssignVehiclesDocument);
  const departMutation = useMutation(MarkOrderDepartedDocument);
  const arriveMutation = useMutation(MarkOrderArrivedDocument);
  const completeMutation = useMutation(CompleteDispatchOrderDocument);
  const cancelMutation = useMutation(CancelDispatchOrderDocument);
  const releaseMutation = useMutation(ReleaseVehicleDocument);
  const statusMutation = useMutation(ChangeVehicleStatusDocument);
  const busy = ref<string | null>(null);

  async function run<T>(id: string, action: () => Promise<{ data?: T; error?: unknown }>): Promise<T | null> {
    busy.value = id;
    try {
      const result = await action();
      if (result.error) {
        reportDispatchError(result.error);
        return null;
      }
      return result.data ?? null;
    } catch (error) {
      reportDispatchError(error);
      return null;
    } finally {
      busy.value = null;
    }
  }

  /** Not based on the order's version: adding a vehicle is safe whatever else changed on the order. */
  const assign = (order: Pick<DispatchOrderFieldsFragment, 'id'>, vehicleIds: string[]) =>
    run(order.id, () => assignMutation.executeMutation({ input: { orderId: order.id, vehicleIds } })).then(
      (d) => d?.assignVehicles ?? null,
    );

  function step(order: DispatchOrderFieldsFragment, which: OrderStep) {
    const input = { input: { orderId: order.id, expectedVersion: order.version } };
    if (which === 'depart') return run(order.id, () => departMutation.executeMutation(input)).then((d) => d?.markOrderDeparted ?? null);
    if (which === 'arrive') return run(order.id, () => arriveMutation.executeMutation(input)).then((d) => d?.markOrderArrived ?? null);
    return run(order.id, () => completeMutation.executeMutation(input)).then((d) => d?.completeDispatchOrder ?? null);
  }

  const cancel = (order: DispatchOrderFieldsFragment, reason: string) =>
    run(order.id, () => cancelMutation.executeMutation({ input: { orderId: order.id, reason, expectedVersion: order.version } })).then(
      (d) => d?.cancelDispatchOrder ?? null,
    );

  const release = (vehicleId: string, toStatus: VehicleStatus = 'STANDBY') =>
    run(vehicleId, () => releaseMutation.executeMutation({ input: { vehicleId, toStatus } })).then((d) => d?.releaseVehicle ?? null);

  const changeStatus = (vehicle: Pick<VehicleFieldsFragment, 'id' | 'version'>, status: VehicleStatus, note = '') =>
    run(vehicle.id, () =>
      statusMutation.executeMutation({ input: { vehicleId: vehicle.id, status, note, expectedVersion: vehicle.version } }),
    ).then((d) => d?.changeVehicleStatus ?? null);

  return { assign, step, cancel, release, changeStatus, busy };
}
