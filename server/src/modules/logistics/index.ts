import { defineModule } from '../../core/module';

/** 后勤保障: the supply ledger, intake, requisitions, the daily allocation plan, call-ups and the daily summary (issue 22). */
export function createLogisticsModule() {
  return defineModule({
    name: 'logistics',
    workingGroup: 'LOGISTICS',
    entities: [],
    resolvers: [],
  });
}
