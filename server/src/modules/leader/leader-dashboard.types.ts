import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { AlertLevel, IncidentAgeBucket, IncidentClass } from '@cc/shared';
import { INCIDENT_AGE_BUCKETS } from '@cc/shared';
import { graphqlEnum } from '../../core/graphql/enums';
import { AlertLevelEnum } from '../alerts/alert.types';
import { DutyOnDutyType } from '../duty/roster.types';
import { IncidentClassEnum } from '../incidents/incident.types';

export const IncidentAgeBucketEnum = graphqlEnum(
  INCIDENT_AGE_BUCKETS,
  'IncidentAgeBucket',
  'How long an open incident has been waiting: <1 h, 1–6 h, 6–24 h, >24 h.',
);

@ObjectType('OpenIncidentCount', { description: 'Open incidents of one class and age bucket (every pair is listed, zeros included).' })
export class OpenIncidentCountType {
  @Field(() => IncidentClassEnum) incidentClass!: IncidentClass;
  @Field(() => IncidentAgeBucketEnum) ageBucket!: IncidentAgeBucket;
  @Field(() => Int) count!: number;
}

@ObjectType('IncidentClassSummary', { description: 'Open incidents of one class, and how many are past their reporting deadline.' })
export class IncidentClassSummaryType {
  @Field(() => IncidentClassEnum) incidentClass!: IncidentClass;
  @Field(() => Int) open!: number;
  @Field(() => Int) pastDeadline!: number;
}

@ObjectType('AlertLevelCount')
export class AlertLevelCountType {
  @Field(() => AlertLevelEnum) level!: AlertLevel;
  @Field(() => Int, { description: 'Standing (raised or acknowledged) alerts.' }) count!: number;
}

@ObjectType('CompanyReadyCount', { description: 'Vehicles ready (on standby) at one transport company, against its quota.' })
export class CompanyReadyCountType {
  @Field(() => ID) companyId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) ready!: number;
  @Field(() => Int) quota!: number;
}

@ObjectType('ResponseTimeFigures', {
  description: 'How long something took today, in seconds; null percentiles when nothing happened yet.',
})
export class ResponseTimeFiguresType {
  @Field(() => Int) count!: number;
  @Field(() => Float, { nullable: true }) p50Seconds!: number | null;
  @Field(() => Float, { nullable: true }) p90Seconds!: number | null;
}

@ObjectType('StockAtRisk', { description: 'An item at a place below its minimum or its days-of-cover floor.' })
export class StockAtRiskType {
  @Field(() => String) itemName!: string;
  @Field(() => String) placeName!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => String) unitOfMeasure!: string;
  @Field(() => Float, { nullable: true }) daysOfCover!: number | null;
  @Field(() => Int, { nullable: true }) minimum!: number | null;
}

@ObjectType('LeaderDashboard', {
  description:
    'The leader’s one screen: the figures that matter now. Fields for permits, stock and daily reports join as those modules arrive.',
})
export class LeaderDashboardType {
  @Field(() => Date) generatedAt!: Date;
  @Field(() => Date, {
    description:
      'When the clock alone next changes a figure (an incident’s age bucket or reporting deadline, the HQ day turning): re-read then. Events bring every other change.',
  })
  nextClockChangeAt!: Date;
  @Field(() => Date, { description: 'Start of today at HQ (China Standard Time): the window of the response times.' }) todayStartsAt!: Date;
  @Field(() => [OpenIncidentCountType]) openIncidents!: OpenIncidentCountType[];
  @Field(() => [IncidentClassSummaryType]) incidentsByClass!: IncidentClassSummaryType[];
  @Field(() => Int) incidentsPastDeadline!: number;
  @Field(() => [AlertLevelCountType]) alertsByLevel!: AlertLevelCountType[];
  @Field(() => [CompanyReadyCountType]) vehiclesReady!: CompanyReadyCountType[];
  @Field(() => Int, { nullable: true, description: 'Ready vehicles across the fleet; null without the dispatch module.' }) fleetReady!:
    number | null;
  @Field(() => Int, { nullable: true }) fleetReadyFloor!: number | null;
  @Field(() => ResponseTimeFiguresType, { description: 'Today: incident reported → first acknowledged.' })
  incidentAcknowledgeTimes!: ResponseTimeFiguresType;
  @Field(() => ResponseTimeFiguresType, { description: 'Today: a duty call logged → first forwarded (运转).' })
  dutyCallForwardTimes!: ResponseTimeFiguresType;
  @Field(() => DutyOnDutyType, { nullable: true, description: 'Who is on duty now (the roster); null without the duty module.' })
  dutyOnDuty!: DutyOnDutyType | null;
  @Field(() => Int, { nullable: true, description: 'Hours in the next 24 with no officer or no leader on the roster (空岗).' })
  rosterUncoveredHours!: number | null;
  @Field(() => Date, { nullable: true, description: 'The first of those hours.' })
  rosterFirstUncoveredAt!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Directives (交办事项) some assignee has not finished; null without the coordination module.',
  })
  directivesOpen!: number | null;
  @Field(() => Int, { nullable: true, description: 'Of those, the ones past their deadline.' })
  directivesOverdue!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Today (HQ day): daily reports past their due time that member units have not filed (漏报), one per unit and type; null without the coordination module.',
  })
  dailyReportsMissingToday!: number | null;
  @Field(() => Int, { nullable: true, description: 'Permit requests (通行证) waiting for review now; null without the permits module.' })
  permitsWaiting!: number | null;
  @Field(() => Date, { nullable: true, description: 'When the oldest waiting permit request was filed; null when none wait.' })
  permitsOldestWaitingSince!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Stock balances at risk (后勤保障); null without the logistics module.' })
  stockAtRiskCount!: number | null;
  @Field(() => [StockAtRiskType], { description: 'The most pressing of them, fewest days of cover first (at most 5).' })
  stockAtRisk!: StockAtRiskType[];
}
