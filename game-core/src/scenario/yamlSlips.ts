/*
 * The yaml library reports where parsing broke down, which after a trainer's slip is often a
 * line or two later: an unclosed [ shows up at the next field, a line indented too far at the
 * line above it. This scanner reads the text the way a person would, line by line, and names
 * the line the slip is on. It only runs when the library already found an error, so a valid
 * file can never be refused by it.
 */

export interface YamlSlip {
  code: 'TAB_AS_INDENT' | 'UNCLOSED_FLOW' | 'UNCLOSED_QUOTE' | 'TOO_DEEP' | 'TOO_SHALLOW' | 'NO_SPACE_AFTER_COLON';
  /** 1-based, like the problems the check prints. */
  line: number;
  column: number;
  /** The detail a message needs: the bracket or quote, the key, or "3 spaties, verwacht 4". */
  detail: string;
}

interface Line {
  n: number;
  text: string;
  indent: number;
  /** Where the content starts after `- ` markers: the column a field of this item lines up at. */
  contentIndent: number;
  content: string;
  dashes: number;
}

const KEY = /^([A-Za-z_][\w-]*):(?=\s|$)/;
const KEY_NO_SPACE = /^([A-Za-z_][\w-]*):([^\s/].*)$/;

/** The first slip in `text`, or null when it reads like well-formed YAML to this scanner. */
export function findYamlSlip(text: string, lang: 'nl' | 'en'): YamlSlip | null {
  const lines = text.split(/\r?\n/);
  const nl = lang === 'nl';
  const spaces = (n: number) => (nl ? `${n} ${n === 1 ? 'spatie' : 'spaties'}` : `${n} ${n === 1 ? 'space' : 'spaces'}`);

  /** Indents of the blocks open at the current line, innermost last. */
  const stack: number[] = [0];
  let opensBlock = true;
  /** Inside a `|` or `>` text: lines indented deeper than this belong to it. */
  let blockScalarIndent: number | null = null;
  /** The indent of the field whose plain text may continue on deeper lines. */
  let plainValueIndent: number | null = null;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const n = i + 1;
    const lead = /^[ \t]*/.exec(raw)![0];
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    if (lead.includes('\t')) return { code: 'TAB_AS_INDENT', line: n, column: 1, detail: '' };
    const line = parseLine(n, raw);
    if (blockScalarIndent !== null) {
      if (line.indent > blockScalarIndent) continue;
      blockScalarIndent = null;
    }
    if (plainValueIndent !== null && line.indent > plainValueIndent && !KEY.test(line.content) && line.dashes === 0) continue;
    plainValueIndent = null;

    // Where this line's fields begin, set against the blocks that are open.
    if (line.dashes > 0 || KEY.test(line.content) || KEY_NO_SPACE.test(line.content)) {
      const top = stack[stack.length - 1]!;
      if (line.indent > top) {
        if (!opensBlock) return { code: 'TOO_DEEP', line: n, column: line.indent + 1, detail: `${spaces(line.indent)}${nl ? ', verwacht ' : ', expected '}${top}` };
        stack.push(line.indent);
      } else if (line.indent < top) {
        let popped = false;
        while (stack.length > 1 && stack[stack.length - 1]! > line.indent) {
          stack.pop();
          popped = true;
        }
        const outer = stack[stack.length - 1]!;
        // A list may start at the indent of the field that holds it (`roles:` / `- id: …`).
        if (popped && outer < line.indent)
          return { code: 'TOO_SHALLOW', line: n, column: 1, detail: `${spaces(line.indent)}${nl ? ', verwacht ' : ', expected '}${nearestAbove(lines, i, line.indent)}` };
      }
      if (line.dashes > 0) for (let d = 1; d <= line.dashes; d++) stack.push(d === line.dashes ? line.contentIndent : line.indent + 2 * d);
    }

    const noSpace = KEY_NO_SPACE.exec(line.content);
    if (noSpace && !/^\w+:\/\//.test(line.content) && !KEY.test(line.content))
      return { code: 'NO_SPACE_AFTER_COLON', line: n, column: line.contentIndent + 1, detail: noSpace[1]! };

    const key = KEY.exec(line.content);
    const value = key ? line.content.slice(key[0].length).trim() : line.dashes > 0 ? line.content : '';
    const valueColumn = raw.indexOf(value, line.contentIndent + (key ? key[0].length : 0)) + 1;
    opensBlock = key !== null && (value === '' || value.startsWith('#') || value.startsWith('&'));
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(value)) {
      blockScalarIndent = line.contentIndent;
      continue;
    }
    if (value.startsWith('[') || value.startsWith('{')) {
      if (!flowCloses(lines, i, value, line.contentIndent)) return { code: 'UNCLOSED_FLOW', line: n, column: valueColumn, detail: value[0]! };
      continue;
    }
    if (value.startsWith('"') || value.startsWith("'")) {
      if (!quoteCloses(lines, i, value, line.contentIndent)) return { code: 'UNCLOSED_QUOTE', line: n, column: valueColumn, detail: value[0]! };
      continue;
    }
    if (key && value !== '') plainValueIndent = line.contentIndent;
  }
  return null;
}

function parseLine(n: number, text: string): Line {
  const indent = text.length - text.trimStart().length;
  let content = text.slice(indent);
  let contentIndent = indent;
  let dashes = 0;
  for (let m = /^-( +|$)/.exec(content); m; m = /^-( +|$)/.exec(content)) {
    contentIndent += m[0].length;
    content = content.slice(m[0].length);
    dashes++;
  }
  return { n, text, indent, contentIndent, content: content.replace(/\s+$/, ''), dashes };
}

/** The indent of the nearest field above that is less deep than `indent`: where the line probably belongs. */
function nearestAbove(lines: string[], i: number, indent: number): number {
  for (let j = i - 1; j >= 0; j--) {
    const t = lines[j]!;
    if (t.trim() === '' || t.trim().startsWith('#')) continue;
    const line = parseLine(j + 1, t);
    if (line.contentIndent > indent && KEY.test(line.content)) return line.contentIndent;
    if (line.indent < indent) break;
  }
  return indent + 1;
}

/**
 * Whether a `[` or `{` that starts a value is closed before the structure goes on. A flow list
 * may run over several lines, but a line that reads as the next field of the block (at the
 * value's own indent or less) means it was never closed.
 */
function flowCloses(lines: string[], start: number, value: string, indent: number): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let j = start; j < lines.length; j++) {
    const text = j === start ? value : lines[j]!;
    if (j > start && text.trim() !== '' && quote === null) {
      const line = parseLine(j + 1, text);
      if (line.indent <= indent && (KEY.test(line.content) || line.dashes > 0)) return false;
    }
    for (let k = 0; k < text.length; k++) {
      const ch = text[k]!;
      if (quote) {
        if (ch === quote) quote = null;
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (k === 0 || /\s/.test(text[k - 1]!))) break;
      else if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') {
        depth--;
        if (depth === 0) return true;
      }
    }
  }
  return false;
}

/** Whether a quoted value ends before the next field begins (a quoted text may run over lines). */
function quoteCloses(lines: string[], start: number, value: string, indent: number): boolean {
  const q = value[0]!;
  const rest = value.slice(1);
  if (closesIn(rest, q)) return true;
  for (let j = start + 1; j < lines.length; j++) {
    const text = lines[j]!;
    if (text.trim() === '') continue;
    const line = parseLine(j + 1, text);
    if (line.indent <= indent && (KEY.test(line.content) || line.dashes > 0)) return false;
    if (closesIn(text, q)) return true;
  }
  return false;
}

function closesIn(text: string, q: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (q === '"' && ch === '\\') {
      k++;
      continue;
    }
    if (ch !== q) continue;
    if (q === "'" && text[k + 1] === "'") {
      k++;
      continue;
    }
    return true;
  }
  return false;
}
