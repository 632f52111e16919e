/**
 * Globs that leave files out of the library (setting `interviewDialogues.exclude`, the CLI's `--exclude`), matched
 * against a path relative to the folder being searched, with `/` between folders:
 *
 * - `*` any run of characters within one folder or file name, `?` one character, `[abc]`, `[a-z]`, `[!a-z]` one
 *   character of a set, `{a,b}` alternatives, `**` any number of folders, `\` takes the next character literally;
 * - a pattern without `/` matches a file or folder of that name at any depth (`README.md`, `drafts`, `*.draft.md`);
 * - a pattern with `/` matches from the searched folder (`archive/**`, `notes/old`), and a folder it matches
 *   excludes everything inside it.
 *
 * Matched by hand, not through a regular expression built from the pattern: the wildcard walk keeps one backtrack
 * point, so a match costs at most pattern length × path length, whatever the pattern.
 */

/** One character position of a compiled segment. */
type Token = { kind: 'star' } | { kind: 'any' } | { kind: 'char'; char: string } | { kind: 'set'; negated: boolean; ranges: [string, string][] };
/** A compiled folder or file-name pattern, or `**`. */
type Segment = Token[] | 'globstar';

interface Compiled {
  segments: Segment[];
  /** No `/` in the pattern: it matches any one segment of the path. */
  anyDepth: boolean;
}

/** Alternatives a pattern's braces may expand to; more is certainly a mistake and is cut off there. */
const MAX_ALTERNATIVES = 64;

/** A predicate that tells whether a relative path (or a folder on it) matches any of the patterns. */
export function globMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const compiled = patterns.flatMap((pattern) => expandBraces(pattern.trim())).map(compile).filter((c): c is Compiled => c !== undefined);
  if (compiled.length === 0) return () => false;
  return (relativePath) => {
    const parts = relativePath.replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.');
    return compiled.some((pattern) => matches(pattern, parts));
  };
}

function matches(pattern: Compiled, parts: readonly string[]): boolean {
  if (pattern.anyDepth) return parts.some((part) => matchSegment(pattern.segments[0] as Token[], part));
  // The whole path, or a folder it lies in.
  for (let length = parts.length; length >= 1; length--) {
    if (matchSegments(pattern.segments, parts, length)) return true;
  }
  return false;
}

/** `{a,b}c` → `ac`, `bc`; nested braces too. A `{` without its `}` or a `,` stays a literal. */
function expandBraces(pattern: string): string[] {
  let results = [''];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === '\\' && i + 1 < pattern.length) {
      results = results.map((r) => r + pattern.slice(i, i + 2));
      i += 2;
      continue;
    }
    if (char === '{') {
      const close = matchingBrace(pattern, i);
      if (close > 0) {
        const options = splitTopLevel(pattern.slice(i + 1, close));
        if (options.length > 1) {
          const expanded = options.flatMap(expandBraces);
          results = results.flatMap((r) => expanded.map((e) => r + e)).slice(0, MAX_ALTERNATIVES);
          i = close + 1;
          continue;
        }
      }
    }
    results = results.map((r) => r + char);
    i++;
  }
  return results;
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\') i++;
    else if (inner[i] === '{') depth++;
    else if (inner[i] === '}') depth--;
    else if (inner[i] === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}

function compile(pattern: string): Compiled | undefined {
  const trimmed = pattern.replace(/^(\.\/)+|^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '') return undefined;
  const parts = trimmed.split('/').filter((part) => part !== '');
  const segments = parts.map((part): Segment => (part === '**' ? 'globstar' : tokens(part)));
  const anyDepth = parts.length === 1;
  if (anyDepth && segments[0] === 'globstar') return { segments: ['globstar'], anyDepth: false };
  return { segments, anyDepth };
}

function tokens(part: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < part.length; i++) {
    const char = part[i];
    if (char === '\\' && i + 1 < part.length) {
      out.push({ kind: 'char', char: part[++i] });
    } else if (char === '*') {
      if (out.at(-1)?.kind !== 'star') out.push({ kind: 'star' });
    } else if (char === '?') {
      out.push({ kind: 'any' });
    } else if (char === '[') {
      const set = readSet(part, i);
      if (set) {
        out.push(set.token);
        i = set.end;
      } else {
        out.push({ kind: 'char', char });
      }
    } else {
      out.push({ kind: 'char', char });
    }
  }
  return out;
}

/** `[abc]`, `[a-z0-9]`, `[!x]` or `[^x]`; undefined when the `]` is missing (then `[` is a literal). */
function readSet(part: string, open: number): { token: Token; end: number } | undefined {
  let i = open + 1;
  const negated = part[i] === '!' || part[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  let first = true;
  while (i < part.length && (part[i] !== ']' || first)) {
    first = false;
    let low = part[i];
    if (low === '\\' && i + 1 < part.length) low = part[++i];
    if (part[i + 1] === '-' && i + 2 < part.length && part[i + 2] !== ']') {
      let high = part[i + 2];
      i += 2;
      if (high === '\\' && i + 1 < part.length) high = part[++i];
      ranges.push([low, high]);
    } else {
      ranges.push([low, low]);
    }
    i++;
  }
  if (i >= part.length) return undefined;
  return { token: { kind: 'set', negated, ranges }, end: i };
}

function matchesToken(token: Token, char: string): boolean {
  switch (token.kind) {
    case 'any':
      return true;
    case 'char':
      return token.char === char;
    case 'set':
      return token.ranges.some(([low, high]) => char >= low && char <= high) !== token.negated;
    default:
      return false;
  }
}

/** One name against one segment pattern. */
function matchSegment(pattern: readonly Token[], name: string): boolean {
  return wildcardMatch(pattern, name.length, (token) => token.kind === 'star', (token, n) => matchesToken(token, name[n]));
}

/** The first `length` path parts against the segments, `**` standing for any number of parts. */
function matchSegments(segments: readonly Segment[], parts: readonly string[], length: number): boolean {
  return wildcardMatch(segments, length, (segment) => segment === 'globstar', (segment, n) => matchSegment(segment as Token[], parts[n]));
}

/**
 * The wildcard walk shared by names (`*` over characters) and paths (`**` over folders): greedy, with the last
 * star as the only backtrack point, which is enough for stars that match anything and keeps the work at most
 * pattern length × input length.
 */
function wildcardMatch<P>(pattern: readonly P[], length: number, isStar: (item: P) => boolean, matchesAt: (item: P, index: number) => boolean): boolean {
  let p = 0;
  let n = 0;
  let starAt = -1;
  let starN = 0;
  while (n < length) {
    const item = pattern[p];
    if (p < pattern.length && !isStar(item) && matchesAt(item, n)) {
      p++;
      n++;
    } else if (p < pattern.length && isStar(item)) {
      starAt = p++;
      starN = n;
    } else if (starAt >= 0) {
      p = starAt + 1;
      n = ++starN;
    } else {
      return false;
    }
  }
  while (p < pattern.length && isStar(pattern[p])) p++;
  return p === pattern.length;
}
