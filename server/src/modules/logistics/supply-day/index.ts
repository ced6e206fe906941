import type { RequisitionService } from '../requisitions/requisition.service';
import { supplyDayRules } from './alert-rules/supply-day.rules';
import { AllocationPlanLineSchema, AllocationPlanSchema } from './allocation-plan.entity';
import { SupplyDayService } from './allocation-plan.service';
import { SupplyDaySettingSchema, SupplyDaySummarySchema } from './supply-day.entity';
import { SUPPLY_DAY_TOPIC } from './supply-day.events';
import { AllocationPlanFields, SupplyDayResolver } from './supply-day.resolver';
import { SupplySummaryService } from './supply-summary.service';

/** The supply day: deadlines, the daily allocation plan, the 17:30 summary and their alerts; a part of the logistics module. */
export function createSupplyDayPart(deps: { requisitions: RequisitionService }) {
  const days = new SupplyDayService(deps.requisitions);
  const summaries = new SupplySummaryService();
  return {
    entities: [SupplyDaySettingSchema, AllocationPlanSchema, AllocationPlanLineSchema, SupplyDaySummarySchema],
    resolvers: [new SupplyDayResolver(days, summaries), new AllocationPlanFields(days)],
    topics: [SUPPLY_DAY_TOPIC],
    alertRules: supplyDayRules(days),
    days,
    summaries,
  };
}
