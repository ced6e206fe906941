import { defineModule } from '../../core/module';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { IncidentService } from '../incidents/incident.service';
import { transportReadinessRules } from './alert-rules';
import { DispatchFiguresService } from './dispatch-figures.service';
import { DispatchJobsService } from './dispatch-jobs.service';
import { DispatchOrderSchema } from './dispatch-order.entity';
import { DispatchOrderResolver } from './dispatch-order.resolver';
import { DispatchOrderService } from './dispatch-order.service';
import {
  DispatchOrderFields,
  StandbyBoardFields,
  TransportCompanyFields,
  VehicleAssignmentFields,
  VehicleChangeFields,
  VehicleFields,
} from './dispatch.fields';
import { seedDispatchDemoPicture } from './dispatch.demo';
import { DISPATCH_ORDER_TOPIC, TRANSPORT_COMPANY_TOPIC, VEHICLE_TOPIC } from './dispatch.events';
import { dispatchHandoverItems } from './dispatch.handover-items';
import { dispatchLeaderFigures } from './dispatch.leader-figures';
import { FleetSettingSchema } from './fleet-setting.entity';
import { FleetResolver } from './fleet.resolver';
import { FleetService } from './fleet.service';
import type { StandingPermitsBinding } from './standing-permits.port';
import { Migration0005Dispatch } from './migrations/0005-dispatch';
import type { OrderCargoPort } from './order-cargo.port';
import { TransportCompanySchema } from './transport-company.entity';
import { VehicleAssignmentSchema } from './vehicle-assignment.entity';
import { VehicleStatusChangeSchema } from './vehicle-status-change.entity';
import { VehicleSchema } from './vehicle.entity';

/**
 * 运输调配小组: the three companies' standby vehicles and the dispatch orders they serve.
 * Other modules use `fleet` and `orders` (e.g. `orders.createIn(tx, …)` inside their own
 * transaction); never the entities. Its readiness rules and leader figures are its own.
 */
export function createDispatchModule(deps: {
  incidents: IncidentService;
  units: MemberUnitService;
  /** The permits module, built later: whose standing permits make a vehicle the first suggestion. */
  permits?: StandingPermitsBinding;
  /** Late-bound: the module whose goods ride on orders (logistics), built after this one. */
  cargo?: () => OrderCargoPort | undefined;
}) {
  const fleet = new FleetService();
  const orders = new DispatchOrderService(deps.incidents, deps.units, deps.permits, deps.cargo);
  const jobs = new DispatchJobsService();
  const figures = new DispatchFiguresService(fleet);
  return defineModule(
    {
      name: 'dispatch',
      workingGroup: 'TRANSPORT',
      entities: [
        TransportCompanySchema,
        FleetSettingSchema,
        VehicleSchema,
        DispatchOrderSchema,
        VehicleAssignmentSchema,
        VehicleStatusChangeSchema,
      ],
      resolvers: [
        new FleetResolver(fleet),
        new DispatchOrderResolver(orders, figures),
        new StandbyBoardFields(),
        new TransportCompanyFields(),
        new VehicleFields(),
        new VehicleAssignmentFields(),
        new DispatchOrderFields(),
        new VehicleChangeFields(fleet),
      ],
      migrations: [{ name: '0005-dispatch', class: Migration0005Dispatch }],
      topics: [VEHICLE_TOPIC, DISPATCH_ORDER_TOPIC, TRANSPORT_COMPANY_TOPIC],
      alertRules: transportReadinessRules(fleet),
      leaderFigures: dispatchLeaderFigures(fleet),
      handoverItems: dispatchHandoverItems(fleet, orders),
      demoSeed: seedDispatchDemoPicture,
    },
    { fleet, orders, figures, jobs },
  );
}
