import { CallUpSchema, CallUpStepSchema, SupportRequestIntakeSchema, SupportRequestSchema } from './call-up.entity';
import { CALL_UP_TOPIC } from './call-up.events';
import { CallUpFields, CallUpResolver } from './call-up.resolver';
import { CallUpService } from './call-up.service';

/** Emergency supply call-ups (plan 5); a part of the logistics module. */
export function createCallUpsPart() {
  const callUps = new CallUpService();
  return {
    entities: [CallUpSchema, CallUpStepSchema, SupportRequestSchema, SupportRequestIntakeSchema],
    resolvers: [new CallUpResolver(callUps), new CallUpFields(callUps)],
    topics: [CALL_UP_TOPIC],
    callUps,
  };
}
