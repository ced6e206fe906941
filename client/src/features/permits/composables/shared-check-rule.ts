import type { FormItemRule } from 'element-plus';
import type { Checked } from '@cc/shared';
import { currentLocale } from '../../../app/i18n';

/**
 * A form rule from one of the shared field checks (plates, phones, identity numbers): the same
 * advice the server would give, in the console's language, before anything is sent.
 */
export function sharedCheckRule(check: (value: string) => Checked<unknown>, trigger: 'blur' | 'change' = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_rule, value: unknown, callback) => {
      const result = check(typeof value === 'string' ? value : '');
      callback(result.ok ? undefined : new Error(currentLocale.value === 'en' ? result.problem.en : result.problem.zh));
    },
  };
}
