import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '@cc/shared';
import { features } from '../features';
import type { FeatureManifest } from './feature';
import { resolveHome } from './home-for';

const routes: RouteRecordRaw[] = features.flatMap((feature) => feature.routes ?? []);
const home = (roles: Role[], chosen: Role | null = null) => resolveHome(features, routes, roles, chosen);

describe('home by role', () => {
  it.each([
    ['DUTY_OFFICER', 'duty'],
    ['LEADER', 'leader'],
    ['DISPATCHER', 'dispatch'],
    ['LOGISTICS_OFFICER', 'logistics'],
    ['COORDINATOR', 'coordination'],
    ['UNIT_LIAISON', 'duty-inbox'],
    ['ADMIN', 'admin'],
  ] as const)('lands a %s on %s', (role, routeName) => {
    expect(home([role])).toBe(routeName);
  });

  it("lands a person with several roles on the remembered role's workspace, else the first role's", () => {
    expect(home(['DISPATCHER', 'DUTY_OFFICER'])).toBe('duty');
    expect(home(['DISPATCHER', 'DUTY_OFFICER'], 'DISPATCHER')).toBe('dispatch');
    expect(home(['DISPATCHER', 'DUTY_OFFICER'], 'DUTY_OFFICER')).toBe('duty');
  });

  it('ignores a remembered role the person no longer holds', () => {
    expect(home(['DUTY_OFFICER'], 'DISPATCHER')).toBe('duty');
  });

  it('skips a declared home the role may not open and falls back to the first page in navigation order', () => {
    const forbidden: FeatureManifest = { name: 'forbidden', messages: { 'zh-CN': {}, en: {} }, homeFor: { DUTY_OFFICER: 'admin' } };
    // Declared first, so it would win if access were not checked: a duty officer may not open the users list.
    expect(resolveHome([forbidden, ...features], routes, ['DUTY_OFFICER'])).toBe('duty');
    const withoutDeclarations = features.map((f) => ({ ...f, homeFor: undefined }));
    // Nothing else declared: today's first page in navigation order (the incidents board heads the duty section).
    expect(resolveHome([forbidden, ...withoutDeclarations], routes, ['DUTY_OFFICER'])).toBe('incidents');
  });

  it('skips a declared home that names no page', () => {
    const broken: FeatureManifest = { name: 'broken', messages: { 'zh-CN': {}, en: {} }, homeFor: { LEADER: 'no-such-page' } };
    expect(resolveHome([broken, ...features], routes, ['LEADER'])).toBe('leader');
  });
});
