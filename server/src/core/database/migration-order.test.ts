import { describe, expect, it } from 'vitest';
import { createModules } from '../../modules';
import { migrationsInOrder } from './migration-order';

class Nothing {}
const m = (name: string) => ({ name, class: Nothing as never });

describe('the one migration order', () => {
  it('keeps every name existing databases recorded as applied, in the order they were applied', () => {
    // Databases in the field have exactly these rows in their migration table: renaming or
    // reordering one would make them run again (or never).
    expect(createModules({ sessionTtlMs: 1 }).migrations.map((x) => x.name)).toEqual([
      '0001-realtime-core',
      '0002-incidents',
      '0003-identity',
      '0004-identity-admin',
      '0005-dispatch',
      '0006-alerts',
      '0007-incident-lifecycle',
      '0008-incident-reported-upward',
      '0009-duty-roster',
      '0010-duty-calls',
      '0011-duty-handover',
      '0012-traffic-permits',
      '0013-permit-links',
      '0015-supply-ledger',
      '0016-requisitions-and-plans',
      '0018-coordination-directives',
      '0019-daily-reports',
      '0020-documents-and-attachments',
    ]);
  });

  it('orders by number whatever the order of the module list', () => {
    const later = { name: 'later', migrations: [m('0009-later')] };
    const earlier = { name: 'earlier', migrations: [m('0008-earlier'), m('0002-old')] };
    expect(migrationsInOrder([later, earlier]).map((x) => x.name)).toEqual([
      '0001-realtime-core',
      '0002-old',
      '0008-earlier',
      '0009-later',
    ]);
  });

  it('refuses two migrations with one number, naming both', () => {
    const dispatch = { name: 'dispatch', migrations: [m('0005-dispatch')] };
    expect(() => migrationsInOrder([dispatch, { name: 'permits', migrations: [m('0005-permits')] }])).toThrow(
      /“0005-dispatch” and “0005-permits” \(permits\) share the number 0005/,
    );
    expect(() => migrationsInOrder([{ name: 'core clash', migrations: [m('0001-mine')] }])).toThrow(/0001-realtime-core/);
  });

  it('refuses a name without its number', () => {
    expect(() => migrationsInOrder([{ name: 'duty', migrations: [m('duty-rosters')] }])).toThrow(/NNNN-words/);
  });
});
