import { defineModule } from '../../core/module';

/** 通行证: traffic-permit requests, their review, issued permits, verification and revocation (issue 21). */
export function createPermitsModule() {
  return defineModule({
    name: 'permits',
    workingGroup: 'TRANSPORT',
    entities: [],
    resolvers: [],
  });
}
