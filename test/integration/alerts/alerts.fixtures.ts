import type { Role } from '@cc/shared';
import type { FixtureActor, FixtureEnv, ModuleTests } from '../../support/module-tests';

/** The working group whose alerts the actor sees (leaders and administrators see all; DUTY then). */
function alertGroupFor(actor: FixtureActor | null): string {
  const byRole: Partial<Record<Role, string>> = {
    DUTY_OFFICER: 'DUTY',
    DISPATCHER: 'TRANSPORT',
    LOGISTICS_OFFICER: 'LOGISTICS',
    COORDINATOR: 'COORDINATION',
  };
  for (const role of actor?.roles ?? []) {
    const group = byRole[role];
    if (group) return group;
  }
  return 'DUTY';
}

/**
 * A fresh RAISED alert the actor may see: a class-A incident reported 7 hours ago (past its
 * 6-hour deadline), assigned to the actor's group. The server raises the alert on the
 * incident's event; this waits for it.
 */
async function newAlert(env: FixtureEnv): Promise<{ id: string }> {
  const { reportIncident } = await env.setup<{ reportIncident: { id: string } }>(
    'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
    {
      input: {
        title: '甲类事件已超过报告时限（测试）',
        incidentClass: 'A',
        reportedAt: new Date(Date.now() - 7 * 3_600_000).toISOString(),
        assignedGroup: alertGroupFor(env.actor),
      },
    },
  );
  // The engine paces its evaluations by how long the last took (evaluation-pacing.ts): on a
  // loaded machine that is seconds, so this waits up to 30 s.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { alerts } = await env.setup<{ alerts: { id: string; ruleId: string; source: { entityId: string } }[] }>(
      '{ alerts(status: [RAISED], level: CRITICAL, limit: 200) { id ruleId source { entityId } } }',
    );
    const alert = alerts.find((a) => a.ruleId === 'incident-past-deadline' && a.source.entityId === reportIncident.id);
    if (alert) return alert;
    if (Date.now() > deadline) throw new Error('the past-deadline alert for the fixture incident was not raised');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Alerts (预警) and their rules' settings. */
export const MODULE: ModuleTests = {
  module: 'alerts',
  fixtures: {
    alerts: () => ({}),
    alert: async (env) => ({ id: (await newAlert(env)).id }),
    alertChanged: () => ({}),
    acknowledgeAlert: async (env) => ({ id: (await newAlert(env)).id }),
    resolveAlert: async (env) => ({ id: (await newAlert(env)).id, note: '已督促上报（测试）' }),
    alertRules: () => ({}),
    // Sets the default again: a real, audited change that leaves the rule as it was.
    updateAlertRule: () => ({ input: { ruleId: 'incident-unacknowledged', thresholds: [{ key: 'minutes', value: 15 }] } }),
  },
  fieldHints: {
    key: ['hours', 'minutes', 'count', 'unknown_key'],
  },
  invariants: {
    alert: {
      none: 'one standing alert per rule and key is a unique index (alert_standing_once); its lifecycle fields are CHECK constraints (0006)',
    },
    alert_rule: { none: 'settings rows; thresholds’ shape and the escalation range are CHECK constraints, values are checked per request' },
  },
};
