import { CombinedError } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { isErrorCode, type ErrorCode } from '@cc/shared';
import { i18n } from './i18n';

/** The first typed code of a GraphQL failure (`extensions.code`), if any. */
export function errorCode(error: unknown): ErrorCode | undefined {
  if (!(error instanceof CombinedError)) return undefined;
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.['code'];
    if (isErrorCode(code)) return code;
  }
  return undefined;
}

/** A failure to reach the server at all (no GraphQL answer): the connection indicator covers it. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof CombinedError ? Boolean(error.networkError) && error.graphQLErrors.length === 0 : error instanceof TypeError;
}

/** Field name → the server's message, from BAD_USER_INPUT errors that name a field (`extensions.field`). */
export function fieldErrors(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!(error instanceof CombinedError)) return fields;
  for (const e of error.graphQLErrors) {
    const field = e.extensions?.['field'];
    if (typeof field === 'string' && !(field in fields)) fields[field] = e.message;
  }
  return fields;
}

/**
 * What to tell the user about a failure, in their language. The server's own messages are
 * English and specific; an English console shows them, a Chinese one shows the translated
 * message for the code.
 */
export function describeError(error: unknown): string {
  const { t, locale } = i18n.global;
  if (error instanceof CombinedError) {
    if (isNetworkError(error)) return t('errors.network');
    const code = errorCode(error);
    const serverMessage = error.graphQLErrors[0]?.message;
    if (locale.value === 'en' && serverMessage && code) return serverMessage;
    if (code) return t(`errors.${code}`);
  }
  return t('errors.unknown');
}

/**
 * The one place unexpected failures go: a message the user can act on, and the details in
 * the browser console for whoever investigates.
 */
export function reportError(error: unknown): void {
  console.error(error);
  ElMessage({ type: 'error', message: describeError(error), showClose: true, duration: 6_000, grouping: true });
}
