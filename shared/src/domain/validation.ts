/**
 * What a field check gives back: the cleaned value, or a problem a person can act on. `code`
 * (e.g. "plate/province") is stable for the console's vue-i18n keys and the server's
 * `extensions.reason`; `zh` and `en` are the same advice written out, with `params` filled in.
 */
export interface FieldProblem {
  code: string;
  zh: string;
  en: string;
  params?: Readonly<Record<string, string | number>>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

export function accepted<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function refused<T>(code: string, zh: string, en: string, params?: Record<string, string | number>): Checked<T> {
  return { ok: false, problem: { code, zh, en, ...(params ? { params } : {}) } };
}
