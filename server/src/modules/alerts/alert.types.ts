import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  ALERT_LEVELS,
  ALERT_RESOLUTIONS,
  ALERT_STATUSES,
  type AlertLevel,
  type AlertResolution,
  type AlertStatus,
  type WorkingGroup,
} from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';
import { PersonRefType, WorkingGroupEnum } from '../incidents/incident.types';

export const AlertLevelEnum = graphqlEnum(
  ALERT_LEVELS,
  'AlertLevel',
  'INFO, WARNING, or CRITICAL (sounds in the leader’s console and escalates).',
);
export const AlertStatusEnum = graphqlEnum(ALERT_STATUSES, 'AlertStatus', 'RAISED → ACKNOWLEDGED → RESOLVED.');
export const AlertResolutionEnum = graphqlEnum(ALERT_RESOLUTIONS, 'AlertResolution', 'Why an alert was resolved.');

@ObjectType('AlertParam', { description: 'One value the alert’s message is rendered from.' })
export class AlertParamType {
  @Field(() => String) name!: string;
  @Field(() => String) value!: string;
}

@ObjectType('AlertSource', { description: 'The record an alert is about; the console links to it.' })
export class AlertSourceType {
  @Field(() => String, { description: 'e.g. "Incident", "TransportCompany".' }) entityType!: string;
  @Field(() => ID) entityId!: string;
}

@ObjectType('Alert', {
  description: '预警: a condition a rule found true. Duplicates fold into it (count); it resolves when the condition clears.',
})
export class AlertType {
  @Field(() => ID) id!: string;
  @Field(() => String) ruleId!: string;
  @Field(() => AlertLevelEnum) level!: AlertLevel;
  @Field(() => AlertStatusEnum) status!: AlertStatus;
  @Field(() => WorkingGroupEnum, { nullable: true, description: 'Whose alert it is; null: HQ-wide.' }) workingGroup!: WorkingGroup | null;
  @Field(() => String, { description: 'Message catalogue key, e.g. "alert.incident-past-deadline"; render it with `params`.' })
  messageKey!: string;
  @Field(() => [AlertParamType]) params!: AlertParamType[];
  @Field(() => String, { description: 'The message in plain English, for clients without the catalogue.' }) summary!: string;
  @Field(() => AlertSourceType) source!: AlertSourceType;
  @Field(() => Int, { description: 'How many firings are folded into this alert.' }) count!: number;
  @Field(() => Date) raisedAt!: Date;
  @Field(() => Date, { description: 'When it last fired (folded).' }) lastSeenAt!: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => PersonRefType, { nullable: true }) acknowledgedBy!: PersonRefType | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => PersonRefType, { nullable: true, description: 'Null when the condition cleared by itself.' })
  resolvedBy!: PersonRefType | null;
  @Field(() => AlertResolutionEnum, { nullable: true }) resolution!: AlertResolution | null;
  @Field(() => String) resolutionNote!: string;
  @Field(() => Int, { description: 'How many times it moved on to the next leader unacknowledged.' }) escalationLevel!: number;
  @Field(() => Date, { nullable: true }) escalatedAt!: Date | null;
  @Field(() => PersonRefType, { nullable: true, description: 'The leader a critical alert is with now.' })
  assignedLeader!: PersonRefType | null;
  @Field(() => Int) version!: number;
}

@ObjectType('AlertChange', { description: 'One committed change to an alert, at its outbox position.' })
export class AlertChangeType extends ChangeOf(() => AlertType, 'alert') {}

@ObjectType('AlertThreshold', { description: 'One configurable number of a rule.' })
export class AlertThresholdType {
  @Field(() => String) key!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float) defaultValue!: number;
  @Field(() => Float) min!: number;
  @Field(() => Float) max!: number;
  @Field(() => String, { description: 'minutes, hours, count or vehicles.' }) unit!: string;
  @Field(() => String) description!: string;
}

@ObjectType('AlertRule', { description: 'A declarative alert rule and the settings an administrator gave it.' })
export class AlertRuleType {
  @Field(() => ID) id!: string;
  @Field(() => AlertLevelEnum) level!: AlertLevel;
  @Field(() => WorkingGroupEnum, { nullable: true }) workingGroup!: WorkingGroup | null;
  @Field(() => String) description!: string;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => [AlertThresholdType]) thresholds!: AlertThresholdType[];
  @Field(() => Int, {
    nullable: true,
    description: 'Minutes an unacknowledged critical alert waits before the next leader gets it; null: it does not escalate.',
  })
  escalationMinutes!: number | null;
  @Field(() => [String], { description: 'Event topics that wake it; it also runs on the clock.' }) triggers!: string[];
  @Field(() => Int) version!: number;
}
