/**
 * Re-renders BENCHMARKS.md from a benchmarks.json (after editing bench/ANALYSIS.md or the
 * report's layout), without running anything:  node --import tsx bench/render.ts [dir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/processes';
import { renderReport, type BenchResults } from './lib/report';

const dir = path.resolve(ROOT, process.argv[2] ?? 'docs');
const results = JSON.parse(readFileSync(path.join(dir, 'benchmarks.json'), 'utf8')) as BenchResults;
writeFileSync(path.join(dir, 'BENCHMARKS.md'), await renderReport(results));
console.log(`rendered ${path.relative(ROOT, path.join(dir, 'BENCHMARKS.md'))}`);
