import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType()
export class AlertThresholdInput {
  @Field(() => String) key!: string;
  @Field(() => Float) value!: number;
}

@InputType({ description: 'An administrator’s change to one rule; fields left out stay as they are.' })
export class UpdateAlertRuleInput {
  @Field(() => ID) ruleId!: string;

  @Field(() => Boolean, { nullable: true, description: 'Disabling resolves the rule’s standing alerts.' })
  enabled?: boolean | null;

  @Field(() => [AlertThresholdInput], { nullable: true, description: 'Only the thresholds to change.' })
  thresholds?: AlertThresholdInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Critical rules only, 1..1440 minutes.' })
  escalationMinutes?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Back to the rule’s defaults (thresholds and escalation time).' })
  resetToDefaults?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'If given, a stale version is refused with CONFLICT.' })
  expectedVersion?: number | null;
}
