import { ensureConsoleBuilt } from '../../scripts/build-console.mjs';

/**
 * Builds the console once before the browser tests, only when client/dist is missing or stale
 * (the same check `npm start` uses). The tests themselves never build.
 */
export default async function setup(): Promise<void> {
  await ensureConsoleBuilt({ log: (line) => console.log(`[browser tests] ${line}`) });
}
