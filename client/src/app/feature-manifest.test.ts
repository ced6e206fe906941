import { describe, expect, it } from 'vitest';
import { ALERT_RULE_IDS } from '@cc/shared';
import schemaSdl from '../../../shared/schema.graphql?raw';
import { features } from '../features';
import { alertRuleProblems, messageProblems, resumableProblems, uniquenessProblems } from './feature-checks';
import { defineFeature, type FeatureManifest } from './feature';
import appZh from './locales/zh-CN';

/** Every operation document the console can send, by path. */
const documents = import.meta.glob<string>('../../../shared/src/operations/**/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const APP_NAMESPACES = Object.keys(appZh);

/** A feature that forgot everything it could: what a careless new module looks like. */
const forgetful = defineFeature({
  name: 'stock',
  messages: { 'zh-CN': { title: '物资' }, en: { title: 'Stock' } },
  alertRules: { 'stock-below-days-of-cover': { link: () => null } },
  resumable: { StockChangd: 'stock' },
});

describe('the features describe themselves completely', () => {
  it('registers every live subscription as resumable, once, by name', () => {
    expect(resumableProblems(features, documents, schemaSdl)).toEqual([]);
  });

  it('has every feature’s strings in zh-CN and en alike', () => {
    expect(messageProblems(features, APP_NAMESPACES)).toEqual([]);
  });

  it('gives every alert rule an owner, a link and its words in both languages', () => {
    expect(alertRuleProblems(features, ALERT_RULE_IDS)).toEqual([]);
  });

  it('declares each feature, route name and cache key or updater once', () => {
    expect(uniquenessProblems(features)).toEqual([]);
  });
});

describe('the checks name the feature and what it forgot', () => {
  const withoutIncidents = features.filter((f) => f.name !== 'incidents');

  it('a live subscription no feature registers, and a registration of no document', () => {
    expect(resumableProblems([...withoutIncidents, forgetful], documents, schemaSdl)).toEqual([
      expect.stringMatching(/^no feature: subscription IncidentChanged \(.*IncidentChanged\.graphql\) follows `incidentChanged`/),
      'stock: `resumable` names StockChangd, which is no subscription document with an `after` argument',
    ]);
  });

  it('a live record the server offers that no console subscription follows', () => {
    const withStock = schemaSdl.replace('type Subscription {', 'type Subscription {\n  stockBalanceChanged(after: EventPosition): Boolean');
    expect(resumableProblems(features, documents, withStock)).toEqual([
      "no feature: the server's live record `stockBalanceChanged` resumes from a position, but no subscription document follows it",
    ]);
  });

  it('a string missing in one language', () => {
    const lopsided: FeatureManifest = {
      name: 'stock',
      messages: { 'zh-CN': { title: '物资', lead: '台账' }, en: { title: 'Stock', extra: 'x' } },
    };
    expect(messageProblems([lopsided], APP_NAMESPACES)).toEqual([
      'stock: en lacks message stock.lead (zh-CN has it)',
      'stock: zh-CN lacks message stock.extra (en has it)',
    ]);
    expect(messageProblems([{ ...lopsided, name: 'common', messages: { 'zh-CN': {}, en: {} } }], APP_NAMESPACES)).toEqual([
      "common: its name is already a namespace of the console's strings",
    ]);
  });

  it('an alert rule without owner, and one without words', () => {
    expect(alertRuleProblems([...withoutIncidents, forgetful], ALERT_RULE_IDS)).toEqual([
      expect.stringMatching(/^no feature: alert rule incident-class-a-logged has no owner/),
      expect.stringMatching(/^no feature: alert rule incident-past-deadline has no owner/),
      expect.stringMatching(/^no feature: alert rule incident-unacknowledged has no owner/),
      'stock: alert rule stock-below-days-of-cover lacks its zh-CN title (stock.alertRules.stockBelowDaysOfCover.title)',
      'stock: alert rule stock-below-days-of-cover lacks its zh-CN message (stock.alertRules.stockBelowDaysOfCover.message)',
      'stock: alert rule stock-below-days-of-cover lacks its en title (stock.alertRules.stockBelowDaysOfCover.title)',
      'stock: alert rule stock-below-days-of-cover lacks its en message (stock.alertRules.stockBelowDaysOfCover.message)',
    ]);
  });

  it('a cache key declared by two features', () => {
    const copy: FeatureManifest = { name: 'copy', messages: { 'zh-CN': {}, en: {} }, cacheKeys: { IncidentChange: () => null } };
    expect(uniquenessProblems([...features, copy])).toEqual(['incidents, copy: both declare the cache key of IncidentChange']);
  });
});
