import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import elEn from 'element-plus/es/locale/lang/en';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import adminEn from '../features/admin/locales/en';
import adminZh from '../features/admin/locales/zh-CN';
import alertsEn from '../features/alerts/locales/en';
import alertsZh from '../features/alerts/locales/zh-CN';
import authEn from '../features/auth/locales/en';
import authZh from '../features/auth/locales/zh-CN';
import coordinationEn from '../features/coordination/locales/en';
import coordinationZh from '../features/coordination/locales/zh-CN';
import dispatchEn from '../features/dispatch/locales/en';
import dispatchZh from '../features/dispatch/locales/zh-CN';
import dutyEn from '../features/duty/locales/en';
import dutyZh from '../features/duty/locales/zh-CN';
import incidentsEn from '../features/incidents/locales/en';
import incidentsZh from '../features/incidents/locales/zh-CN';
import leaderEn from '../features/leader/locales/en';
import leaderZh from '../features/leader/locales/zh-CN';
import logisticsEn from '../features/logistics/locales/en';
import logisticsZh from '../features/logistics/locales/zh-CN';
import appEn from './locales/en';
import appZh from './locales/zh-CN';
import type { MessagesLike } from './messages-like';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** zh-CN is the original; each feature's strings live beside it under its own namespace. */
const zhCN = {
  ...appZh,
  auth: authZh,
  incidents: incidentsZh,
  leader: leaderZh,
  duty: dutyZh,
  dispatch: dispatchZh,
  logistics: logisticsZh,
  coordination: coordinationZh,
  admin: adminZh,
  alerts: alertsZh,
};

const en: MessagesLike<typeof zhCN> = {
  ...appEn,
  auth: authEn,
  incidents: incidentsEn,
  leader: leaderEn,
  duty: dutyEn,
  dispatch: dispatchEn,
  logistics: logisticsEn,
  coordination: coordinationEn,
  admin: adminEn,
  alerts: alertsEn,
};

const STORAGE_KEY = 'cc.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // storage disabled: use the default
  }
  return 'zh-CN'; // the HQ works in Chinese; English is a choice, not a browser guess
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export const currentLocale = computed<Locale>(() => i18n.global.locale.value as Locale);

/** Element Plus's own strings (date pickers, pagination, empty tables) follow the console's language. */
export const elementLocale = computed(() => (currentLocale.value === 'en' ? elEn : elZhCn));

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered across reloads; still switched now
  }
}

export function applyDocumentLocale(): void {
  document.documentElement.lang = currentLocale.value;
}
