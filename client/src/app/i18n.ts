import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import elEn from 'element-plus/es/locale/lang/en';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import { features } from '../features';
import appEn from './locales/en';
import appZh from './locales/zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The console's own strings, and each feature's under its name (zh-CN is the original). */
function messagesIn(locale: Locale) {
  const app = locale === 'zh-CN' ? appZh : appEn;
  return { ...app, ...Object.fromEntries(features.map((feature) => [feature.name, feature.messages[locale]])) };
}

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
  messages: { 'zh-CN': messagesIn('zh-CN'), en: messagesIn('en') },
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
