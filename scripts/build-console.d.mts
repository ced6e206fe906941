/** Types for build-console.mjs, imported by the browser tests' global setup. */
export declare const root: string;
export declare const clientDir: string;
export declare const distDir: string;
export declare function consoleStaleReason(): string | null;
export declare function buildConsole(options?: { log?: (line: string) => void }): Promise<void>;
export declare function ensureConsoleBuilt(options?: { log?: (line: string) => void }): Promise<boolean>;
