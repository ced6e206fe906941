import type { FormItemRule } from 'element-plus';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * Refuses text over `limit` characters with the count, as soon as it is typed or pasted
 * (the field keeps all of it, see CountedInput.vue): the person decides what to cut.
 */
export function maxLengthRule(t: Translate, limit: number): FormItemRule {
  return {
    trigger: 'change',
    validator: (_rule, value: unknown, callback) => {
      const length = typeof value === 'string' ? value.length : 0;
      callback(
        length > limit ? new Error(t('common.form.tooLong', { count: length.toLocaleString(), limit: limit.toLocaleString() })) : undefined,
      );
    },
  };
}
