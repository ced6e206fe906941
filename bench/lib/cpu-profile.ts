import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  process: string;
  file: string;
  totalMs: number;
  /** Self time by function, most first: where the CPU actually went. */
  top: { function: string; where: string; selfMs: number; share: number }[];
}

/** Reads the .cpuprofile files V8 wrote (--cpu-prof) and ranks functions by self time. */
export function summariseProfiles(dir: string, top = 25): ProfileSummary[] {
  if (!existsSync(dir)) return [];
  const summaries: ProfileSummary[] = [];
  for (const processName of readdirSync(dir)) {
    for (const file of readdirSync(path.join(dir, processName)).filter((f) => f.endsWith('.cpuprofile'))) {
      const profile = JSON.parse(readFileSync(path.join(dir, processName, file), 'utf8')) as CpuProfile;
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map<string, { where: string; us: number }>();
      profile.samples.forEach((id, i) => {
        const node = byId.get(id);
        if (!node) return;
        const name = node.callFrame.functionName || '(anonymous)';
        const where = `${shorten(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
        const key = `${name} ${where}`;
        const entry = self.get(key) ?? { where, us: 0 };
        entry.us += profile.timeDeltas[i] ?? 0;
        self.set(key, entry);
      });
      const totalUs = profile.endTime - profile.startTime;
      summaries.push({
        process: processName,
        file: path.join(dir, processName, file),
        totalMs: Math.round(totalUs / 1000),
        top: [...self.entries()]
          .sort((a, b) => b[1].us - a[1].us)
          .slice(0, top)
          .map(([key, { where, us }]) => ({
            function: key.slice(0, key.length - where.length - 1),
            where,
            selfMs: Math.round(us / 1000),
            share: Math.round((us / totalUs) * 1000) / 1000,
          })),
      });
    }
  }
  return summaries;
}

function shorten(url: string): string {
  const i = url.lastIndexOf('node_modules/');
  if (i >= 0) return url.slice(i + 'node_modules/'.length);
  const s = url.indexOf('/server/src/');
  if (s >= 0) return url.slice(s + 1);
  return url.replace(/^file:\/\//, '') || '(native)';
}
