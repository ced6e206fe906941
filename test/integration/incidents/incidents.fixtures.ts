import type { FixtureEnv, ModuleTests } from '../../support/module-tests';

async function newIncident(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const { reportIncident } = await env.setup<{ reportIncident: { id: string; version: number } }>(
    'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id version } }',
    { input: { title: '检疫点物资告急（测试）', incidentClass: 'B' } },
  );
  return reportIncident;
}

async function resolvedIncident(env: FixtureEnv): Promise<{ id: string }> {
  const incident = await newIncident(env);
  await env.setup('mutation($input: IncidentActionInput!) { resolveIncident(input: $input) { id } }', { input: { id: incident.id } });
  return incident;
}

/** Incidents and their lifecycle. */
export const MODULE: ModuleTests = {
  module: 'incidents',
  fixtures: {
    incidents: () => ({}),
    incident: async (env) => ({ id: (await newIncident(env)).id }),
    reportIncident: () => ({ input: { title: '宛平路段运输车辆滞留（测试）', incidentClass: 'C', location: 'G107 宛平段' } }),
    changeIncidentStatus: async (env) => {
      const incident = await newIncident(env);
      return { input: { id: incident.id, status: 'ACKNOWLEDGED', expectedVersion: incident.version } };
    },
    incidentChanged: () => ({}),
    acknowledgeIncident: async (env) => ({ input: { id: (await newIncident(env)).id } }),
    startIncident: async (env) => ({ input: { id: (await newIncident(env)).id } }),
    resolveIncident: async (env) => ({ input: { id: (await newIncident(env)).id, note: '已处置（测试）' } }),
    closeIncident: async (env) => ({ input: { id: (await resolvedIncident(env)).id } }),
    reopenIncident: async (env) => ({ input: { id: (await resolvedIncident(env)).id, note: '情况反复（测试）' } }),
    assignIncident: async (env) => ({ input: { id: (await newIncident(env)).id, assignedGroup: 'LOGISTICS' } }),
    updateIncident: async (env) => {
      const incident = await newIncident(env);
      return { input: { id: incident.id, expectedVersion: incident.version, severity: 'HIGH' } };
    },
    addIncidentNote: async (env) => ({ input: { incidentId: (await newIncident(env)).id, text: '已电话联系现场（测试）' } }),
    recordIncidentReportedUpward: async (env) => ({
      input: { incidentId: (await newIncident(env)).id, reportedTo: '区卫生健康委员会应急办（测试）', note: '电话报告（测试）' },
    }),
  },
  fieldHints: {
    note: ['已电话确认', ''],
    text: ['现场已派人处置', ''],
    title: ['检疫点物资告急', ''],
  },
  invariants: {
    incident: {
      none: 'its lifecycle rules are CHECK constraints (0002, 0007: acknowledged, resolved and closed times match the status; coordinates paired), proven by the fuzzer’s backstop test',
    },
    incident_timeline_entry: {
      none: 'an append-only log whose shape (a status entry names its status, a note has text, a link its record) is CHECK constraints',
    },
  },
};
