// The few parts of untyped packages the report uses.

declare module 'fontkit' {
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): { advanceWidth: number };
  }
  export function openSync(path: string): Font;
}

// CommonJS whose exports Node cannot name from an ES module: only a default import works there.
declare module 'hyphen/nl' {
  const hyphen: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default hyphen;
}

// CommonJS whose exports Node cannot name from an ES module: only a default import works there.
declare module 'hyphen/en-gb' {
  const hyphen: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default hyphen;
}
