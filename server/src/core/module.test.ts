import { describe, expect, it } from 'vitest';
import { ALERT_RULE_IDS } from '@cc/shared';
import { createModules } from '../modules';
import type { AlertRuleDefinition } from './alerts/alert-rule';
import { checkModules, defineModule } from './module';
import type { TopicName } from './realtime/topics';

const rule = (id: string, triggers: string[]) => ({ id, triggers }) as unknown as AlertRuleDefinition;
const module = (name: string, parts: { topics?: string[]; alertRules?: AlertRuleDefinition[] } = {}) =>
  defineModule({ name, entities: [], resolvers: [], topics: (parts.topics ?? []) as TopicName[], alertRules: parts.alertRules ?? [] });

describe('module descriptions', () => {
  it('fill what a module does not have and keep its services beside the description', () => {
    const described = defineModule({ name: 'duty', entities: [], resolvers: [] }, { rosters: 'the service' });
    expect(described).toMatchObject({
      name: 'duty',
      workingGroup: null,
      migrations: [],
      topics: [],
      alertRules: [],
      leaderFigures: null,
      handoverItems: null,
      demoSeed: null,
    });
    expect(described.rosters).toBe('the service');
  });

  it('accept the server’s own list', () => {
    const modules = createModules({ sessionTtlMs: 1 });
    expect(modules.list.map((m) => m.name)).toEqual([
      'identity',
      'incidents',
      'audit',
      'dispatch',
      'duty',
      'coordination',
      'permits',
      'logistics',
      'alerts',
      'leader',
    ]);
    expect(() => checkModules(modules.list)).not.toThrow();
    // Every module's rules reached the engine through the list, none by hand.
    expect(modules.alerts.engine.list().map((r) => r.id)).toEqual(modules.list.flatMap((m) => m.alertRules.map((r) => r.id)));
    expect(modules.alerts.engine.list().length).toBe(ALERT_RULE_IDS.length);
  });

  it('refuse a module listed twice, a topic two modules emit, and a rule woken by a topic nobody emits', () => {
    expect(() => checkModules([module('duty'), module('duty')])).toThrow(/Module “duty”/);
    expect(() => checkModules([module('duty', { topics: ['roster'] }), module('permits', { topics: ['roster'] })])).toThrow(
      /Topic “roster” is declared by both the duty and the permits module/,
    );
    expect(() => checkModules([module('duty', { alertRules: [rule('gap', ['roster'])] })])).toThrow(/no module emits: roster/);
    expect(() =>
      checkModules([
        module('duty', { topics: ['roster'], alertRules: [rule('gap', ['roster'])] }),
        module('permits', { alertRules: [rule('gap', ['roster'])] }),
      ]),
    ).toThrow(/Alert rule “gap”/);
  });

  it('list every alert rule in shared ALERT_RULE_IDS, so the console must name it and link it', () => {
    const declared = createModules({ sessionTtlMs: 1 }).list.flatMap((m) => m.alertRules.map((r) => r.id));
    expect([...declared].sort(), 'a module’s rule missing from shared/src/domain/alerts.ts ALERT_RULE_IDS').toEqual(
      [...ALERT_RULE_IDS].sort(),
    );
  });
});
