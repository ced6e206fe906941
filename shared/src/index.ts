export * from './domain/roles';
export * from './domain/incidents';
export * from './domain/alerts';
export * from './domain/fleet';
export * from './domain/hq-time';
export * from './errors';
export * from './policy';
export * from './topics';
