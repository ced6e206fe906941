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
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { reportDispatchError } from './dispatch-errors';

export type OrderStep = 'depart' | 'arrive' | 'complete';

/**
 * The dispatcher's actions on orders and vehicles. Each returns what the server answered, or
 * null after telling the user why not; `busy` names the record being worked on, cleared in
 * `finally` whatever happens.
 */
export function useDispatchActions() {
  const assignMutation = useKeyedMutation(AssignVehiclesDocument);
  const departMutation = useKeyedMutation(MarkOrderDepartedDocument);
  const arriveMutation = useKeyedMutation(MarkOrderArrivedDocument);
  const completeMutation = useKeyedMutation(CompleteDispatchOrderDocument);
  const cancelMutation = useKeyedMutation(CancelDispatchOrderDocument);
  const releaseMutation = useKeyedMutation(ReleaseVehicleDocument);
  const statusMutation = useKeyedMutation(ChangeVehicleStatusDocument);
  const { busy, run } = useAction(reportDispatchError);

  /** Not based on the order's version: adding a vehicle is safe whatever else changed on the order. */
  const assign = (order: Pick<DispatchOrderFieldsFragment, 'id'>, vehicleIds: string[]) =>
    run(order.id, () => assignMutation({ input: { orderId: order.id, vehicleIds } })).then((d) => d?.assignVehicles ?? null);

  function step(order: DispatchOrderFieldsFragment, which: OrderStep) {
    const input = { input: { orderId: order.id, expectedVersion: order.version } };
    if (which === 'depart') return run(order.id, () => departMutation(input)).then((d) => d?.markOrderDeparted ?? null);
    if (which === 'arrive') return run(order.id, () => arriveMutation(input)).then((d) => d?.markOrderArrived ?? null);
    return run(order.id, () => completeMutation(input)).then((d) => d?.completeDispatchOrder ?? null);
  }

  const cancel = (order: DispatchOrderFieldsFragment, reason: string) =>
    run(order.id, () => cancelMutation({ input: { orderId: order.id, reason, expectedVersion: order.version } })).then(
      (d) => d?.cancelDispatchOrder ?? null,
    );

  const release = (vehicleId: string, toStatus: VehicleStatus = 'STANDBY') =>
    run(vehicleId, () => releaseMutation({ input: { vehicleId, toStatus } })).then((d) => d?.releaseVehicle ?? null);

  const changeStatus = (vehicle: Pick<VehicleFieldsFragment, 'id' | 'version'>, status: VehicleStatus, note = '') =>
    run(vehicle.id, () => statusMutation({ input: { vehicleId: vehicle.id, status, note, expectedVersion: vehicle.version } })).then(
      (d) => d?.changeVehicleStatus ?? null,
    );

  return { assign, step, cancel, release, changeStatus, busy };
}
