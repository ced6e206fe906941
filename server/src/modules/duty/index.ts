import { defineModule } from '../../core/module';

/**
 * 值班值守: the 24-hour duty group. The roster (排班表, one leader on duty per shift), the emergency
 * duty phone's call log (值班记录) and its forwarding (运转), HQ instructions passed on (传达) and
 * the shift handover (交接班). Other modules reach it through its services, never its tables.
 */
export function createDutyModule() {
  return defineModule({
    name: 'duty',
    workingGroup: 'DUTY',
    entities: [],
    resolvers: [],
  });
}
