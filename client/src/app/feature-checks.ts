import { Kind, parse, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { alertRuleKey, mergeCacheConfig, ownerOfAlertRule, type FeatureManifest } from './feature';

/**
 * What a feature forgot to declare, each said as "<feature>: <what is missing>". Pure functions
 * over the manifests (and the operation documents and schema as text), for
 * feature-manifest.test.ts; nothing here runs in the console.
 */

/** Subscription fields of the schema that resume from a position (they take `after`). */
function resumableFields(schemaSdl: string): Set<string> {
  const fields = new Set<string>();
  for (const definition of parse(schemaSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Subscription') continue;
    for (const field of definition.fields ?? []) {
      if (field.arguments?.some((a) => a.name.value === 'after')) fields.add(field.name.value);
    }
  }
  return fields;
}

function subscriptions(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'subscription',
  );
}

/**
 * Every subscription document whose root field resumes from a position must be registered as
 * resumable by exactly one feature (otherwise it silently misses what happened offline), and
 * every registration must name such a document (a typo registers nothing).
 */
export function resumableProblems(
  features: readonly FeatureManifest[],
  documents: Readonly<Record<string, string>>,
  schemaSdl: string,
): string[] {
  const problems: string[] = [];
  const live = resumableFields(schemaSdl);
  const registeredBy = new Map<string, string[]>();
  for (const feature of features) {
    for (const name of Object.keys(feature.resumable ?? {})) registeredBy.set(name, [...(registeredBy.get(name) ?? []), feature.name]);
  }
  const liveOperations = new Set<string>();
  const followed = new Set<string>();
  for (const [path, text] of Object.entries(documents)) {
    for (const operation of subscriptions(parse(text))) {
      const name = operation.name?.value ?? '(anonymous)';
      const roots = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD).map((f) => f.name.value);
      const root = roots.find((field) => live.has(field));
      if (!root) continue;
      liveOperations.add(name);
      followed.add(root);
      const owners = registeredBy.get(name) ?? [];
      if (owners.length === 0) {
        problems.push(
          `no feature: subscription ${name} (${path}) follows \`${root}\`, which resumes from a position, but no feature lists it in \`resumable\``,
        );
      }
      if (owners.length > 1) problems.push(`${owners.join(', ')}: each lists ${name} in \`resumable\`; one feature owns it`);
    }
  }
  for (const [name, owners] of registeredBy) {
    if (!liveOperations.has(name)) {
      problems.push(`${owners.join(', ')}: \`resumable\` names ${name}, which is no subscription document with an \`after\` argument`);
    }
  }
  // A live record the server offers that no console view follows: its changes would never show.
  for (const field of live) {
    if (!followed.has(field))
      problems.push(`no feature: the server's live record \`${field}\` resumes from a position, but no subscription document follows it`);
  }
  return problems;
}

/** Dotted paths of every string in a catalogue. */
function keyPaths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keyPaths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** zh-CN and en of each feature have the same keys (the compiler checks this too; the message here names them). */
export function messageProblems(features: readonly FeatureManifest[], appNamespaces: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>(appNamespaces);
  for (const feature of features) {
    if (seen.has(feature.name)) problems.push(`${feature.name}: its name is already a namespace of the console's strings`);
    seen.add(feature.name);
    const zh = new Set(keyPaths(feature.messages['zh-CN']));
    const en = new Set(keyPaths(feature.messages.en));
    for (const key of zh) if (!en.has(key)) problems.push(`${feature.name}: en lacks message ${feature.name}.${key} (zh-CN has it)`);
    for (const key of en) if (!zh.has(key)) problems.push(`${feature.name}: zh-CN lacks message ${feature.name}.${key} (en has it)`);
  }
  return problems;
}

function stringAt(messages: object, path: readonly string[]): string | undefined {
  let node: unknown = messages;
  for (const part of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' && node.trim() ? node : undefined;
}

/**
 * Every alert rule the console knows (the shared list, and any a feature declares) has one
 * owning feature, with a link and a title and message in both languages.
 */
export function alertRuleProblems(features: readonly FeatureManifest[], sharedRuleIds: readonly string[]): string[] {
  const problems: string[] = [];
  const declared = features.flatMap((f) => Object.keys(f.alertRules ?? {}).map((ruleId) => ({ ruleId, feature: f.name })));
  for (const ruleId of new Set([...sharedRuleIds, ...declared.map((d) => d.ruleId)])) {
    const owners = declared.filter((d) => d.ruleId === ruleId).map((d) => d.feature);
    if (owners.length > 1) problems.push(`${owners.join(', ')}: each declares alert rule ${ruleId}; one feature owns it`);
    const owner = ownerOfAlertRule(features, ruleId);
    if (!owner) {
      problems.push(`no feature: alert rule ${ruleId} has no owner; the feature whose records it is about lists it in \`alertRules\``);
      continue;
    }
    if (typeof owner.alertRules?.[ruleId]?.link !== 'function') problems.push(`${owner.name}: alert rule ${ruleId} has no link`);
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const part of ['title', 'message']) {
        const path = ['alertRules', alertRuleKey(ruleId), part];
        if (!stringAt(owner.messages[locale], path)) {
          problems.push(`${owner.name}: alert rule ${ruleId} lacks its ${locale} ${part} (${owner.name}.${path.join('.')})`);
        }
      }
    }
  }
  return problems;
}

/** Feature names, route names and cache declarations are each declared once. */
export function uniquenessProblems(features: readonly FeatureManifest[]): string[] {
  const problems: string[] = [];
  const names = features.map((f) => f.name);
  for (const name of new Set(names)) if (names.filter((n) => n === name).length > 1) problems.push(`${name}: listed twice`);
  const routeOwner = new Map<string, string>();
  for (const feature of features) {
    for (const route of [...(feature.routes ?? []), ...(feature.standaloneRoutes ?? [])]) {
      const name = route.name === undefined ? undefined : String(route.name);
      if (!name) continue;
      const owner = routeOwner.get(name);
      if (owner) problems.push(`${owner}, ${feature.name}: both declare a route named ${name}`);
      routeOwner.set(name, feature.name);
    }
  }
  for (const clash of mergeCacheConfig(features).clashes) problems.push(`${clash.features.join(', ')}: both declare the ${clash.what}`);
  return problems;
}
