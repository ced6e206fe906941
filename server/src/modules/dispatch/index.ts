import type { MemberUnitService } from '../identity/member-unit.service';
import type { IncidentService } from '../incidents/incident.service';
import { DispatchFiguresService } from './dispatch-figures.service';
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
import { FleetSettingSchema } from './fleet-setting.entity';
import { FleetResolver } from './fleet.resolver';
import { FleetService } from './fleet.service';
import { TransportCompanySchema } from './transport-company.entity';
import { VehicleAssignmentSchema } from './vehicle-assignment.entity';
import { VehicleStatusChangeSchema } from './vehicle-status-change.entity';
import { VehicleSchema } from './vehicle.entity';

/**
 * 运输调配小组: the three companies' standby vehicles and the dispatch orders they serve.
 * Other modules use `fleet` (e.g. `fleet.readinessByCompany(em)` for the readiness alert)
 * and `orders`; never the entities.
 */
export function createDispatchModule(deps: { incidents: IncidentService; units: MemberUnitService }) {
  const fleet = new FleetService();
  const orders = new DispatchOrderService(deps.incidents, deps.units);
  const figures = new DispatchFiguresService(fleet);
  return {
    name: 'dispatch',
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
    fleet,
    orders,
    figures,
  };
}
