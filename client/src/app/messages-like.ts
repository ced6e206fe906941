/**
 * The shape of a locale's messages, derived from the zh-CN original: every other language must
 * have exactly the same keys (a missing or extra key is a type error), with strings as values.
 */
export type MessagesLike<T> = { [K in keyof T]: T[K] extends string ? string : MessagesLike<T[K]> };
