/** A locale resource with exactly the keys of its Chinese source, every leaf a string. */
export type Leaves<T> = { readonly [K in keyof T]: T[K] extends string ? string : Leaves<T[K]> };

/**
 * The words of one feature in both languages, kept next to its screens
 * (`features/<name>/locale.ts`) and mounted under the feature's key in zh-CN.ts and en.ts; the
 * vocabulary (words.ts) and the printed and exported forms use it too, without the UI.
 * The English half must have exactly the keys of the Chinese half.
 */
export function featureLocale<T extends object>(zh: T, en: Leaves<T>): { zh: T; en: Leaves<T> } {
  return { zh, en };
}
