import type { KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';
import type { RouteLocationRaw, RouteRecordRaw } from 'vue-router';
import type { Role } from '@cc/shared';
import type { AlertFieldsFragment } from '@cc/shared/operations';
import type { MessagesLike } from './messages-like';

/** What an alert is about (its source record), as the server sends it. */
export type AlertSource = AlertFieldsFragment['source'];

/** How the console shows the alerts of one rule. */
export interface AlertRuleView {
  /** The page of the record the alert is about, or null when it has none. */
  link: (source: AlertSource) => RouteLocationRaw | null;
}

/**
 * Everything the console needs to know about one feature (a folder under client/src/features/),
 * declared by the feature itself in its index.ts and listed once in client/src/features/index.ts.
 * The router, i18n, the GraphQL client and the alert tray read these; nothing else is
 * registered by hand, and feature-manifest.test.ts names what a feature forgot.
 */
export interface FeatureManifest {
  /** The folder's name, and the namespace of its strings (`t('<name>.…')`). */
  readonly name: string;
  /** Pages inside the console frame (header, navigation, connection indicator). */
  readonly routes?: readonly RouteRecordRaw[];
  /** Pages outside the frame (the sign-in page). */
  readonly standaloneRoutes?: readonly RouteRecordRaw[];
  /** The feature's strings, zh-CN the original; en has exactly the same keys. */
  readonly messages: { readonly 'zh-CN': object; readonly en: object };
  /** graphcache keys of the feature's types (null: embedded in the parent, not normalised). */
  readonly cacheKeys?: KeyingConfig;
  /** graphcache updaters for the feature's mutations and subscriptions, merged per root type. */
  readonly cacheUpdates?: UpdatesConfig;
  /**
   * Subscriptions that resume from a position (they take `$after: EventPosition`): operation
   * name → the event topic it follows. A live subscription left out here misses whatever
   * happened while the console was offline.
   */
  readonly resumable?: Readonly<Record<string, string>>;
  /**
   * The alert rules about this feature's records, by rule id (shared/src/domain/alerts.ts):
   * where an alert leads. Their title and message are in `messages` under
   * `alertRules.<ruleKey>` (see alertRuleKey), in both languages.
   */
  readonly alertRules?: Readonly<Record<string, AlertRuleView>>;
  /**
   * The roles whose workspace is one of this feature's pages: role → route name. Where a person
   * lands after sign-in and on `/` (app/home-for.ts); skipped when the role may not open it.
   */
  readonly homeFor?: Readonly<Partial<Record<Role, string>>>;
}

/**
 * Declares a feature. The type ties the two languages together: an en catalogue with a key
 * missing or extra, compared with zh-CN, does not compile.
 */
export function defineFeature<ZhCN extends object>(
  manifest: FeatureManifest & { messages: { 'zh-CN': ZhCN; en: MessagesLike<ZhCN> } },
): FeatureManifest {
  return manifest;
}

/** The catalogue key of a rule: 'incident-past-deadline' → 'incidentPastDeadline'. */
export function alertRuleKey(ruleId: string): string {
  return ruleId.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Where an alert rule's strings are: `<feature>.alertRules.<ruleKey>`. */
export function alertRuleMessagesPath(feature: FeatureManifest, ruleId: string): string {
  return `${feature.name}.alertRules.${alertRuleKey(ruleId)}`;
}

/** The feature that declares the rule, if any. */
export function ownerOfAlertRule(features: readonly FeatureManifest[], ruleId: string): FeatureManifest | undefined {
  return features.find((f) => f.alertRules && Object.hasOwn(f.alertRules, ruleId));
}

/** Two features that declare the same thing: the second would silently replace the first. */
export interface Clash {
  what: string;
  features: [string, string];
}

/**
 * The features' graphcache keys and updaters, merged. A type keyed twice or a field updated
 * twice is a clash (returned, and checked by feature-manifest.test.ts): the first declaration wins.
 */
export function mergeCacheConfig(features: readonly FeatureManifest[]): { keys: KeyingConfig; updates: UpdatesConfig; clashes: Clash[] } {
  const keys: KeyingConfig = {};
  const updates: UpdatesConfig = {};
  const clashes: Clash[] = [];
  const keyOwner = new Map<string, string>();
  const updateOwner = new Map<string, string>();
  for (const feature of features) {
    for (const [typename, key] of Object.entries(feature.cacheKeys ?? {})) {
      const owner = keyOwner.get(typename);
      if (owner) clashes.push({ what: `cache key of ${typename}`, features: [owner, feature.name] });
      else {
        keyOwner.set(typename, feature.name);
        keys[typename] = key;
      }
    }
    for (const [typename, fields] of Object.entries(feature.cacheUpdates ?? {})) {
      for (const [field, updater] of Object.entries(fields ?? {})) {
        const id = `${typename}.${field}`;
        const owner = updateOwner.get(id);
        if (owner) clashes.push({ what: `cache update of ${id}`, features: [owner, feature.name] });
        else {
          updateOwner.set(id, feature.name);
          updates[typename] = { ...updates[typename], [field]: updater };
        }
      }
    }
  }
  return { keys, updates, clashes };
}
