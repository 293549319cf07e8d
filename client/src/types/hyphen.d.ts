/** The `hyphen` package ships no types; this is the part the board uses. */
declare module 'hyphen/nl' {
  /** The text with soft hyphens (U+00AD) at every Dutch break point. */
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
