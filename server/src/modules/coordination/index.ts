import { defineModule } from '../../core/module';

/** 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23). */
export function createCoordinationModule() {
  return defineModule({
    name: 'coordination',
    workingGroup: 'COORDINATION',
    entities: [],
    resolvers: [],
  });
}
