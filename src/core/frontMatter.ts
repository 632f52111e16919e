/**
 * YAML front matter: file-wide metadata. Parsed with the `yaml` package in its `core` schema, which never
 * constructs custom types or runs code; any explicit tag (`!!js/function`, `!!binary`, …) is refused. The
 * commonest simple lines are read without it, with the same result (see `simpleFrontMatter`).
 */
import * as l10n from '@vscode/l10n';
import type * as Yaml from 'yaml';
import type { Node } from 'yaml';
import { checkMetadata, FILE_KEYS, type Metadata } from './metadata';

let yamlModule: typeof Yaml | undefined;

/**
 * `yaml` is loaded on first use, when the first front matter that is not simple is read: it is more than half of
 * the extension's code, and activation never needs it. The extension bundle keeps it in a file of its own
 * (dist/yaml.js, see esbuild.mjs); tsc output and the CLI load it as usual.
 */
function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlModule ??= require('yaml') as typeof Yaml;
  return yamlModule;
}

export interface FrontMatterProblem {
  /** 1-based, relative to the first line of the YAML text (the line after the opening `---`). */
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface FrontMatter {
  metadata: Metadata;
  problems: FrontMatterProblem[];
}

export function parseFrontMatter(yamlText: string): FrontMatter {
  return simpleFrontMatter(yamlText) ?? yamlFrontMatter(yamlText);
}

/** `key: value`: a lower-case key, one space, a value that does not end with a space, no tab anywhere. */
const SIMPLE_LINE = /^([a-z]+): ([^\t]*[^\t ])$/;
/** A plain scalar that YAML's core schema reads as this very string: it starts with a letter, has no `:` or `#`. */
const WORD = /^[A-Za-z](?:[A-Za-z0-9 ,.-]*[A-Za-z0-9,.-])?$/;
/** The same inside `[…]`, where `,` separates items. */
const FLOW_WORD = /^[A-Za-z](?:[A-Za-z0-9 .-]*[A-Za-z0-9.-])?$/;
/** A duration such as `30 min` or `1h 15m`: digits then letters, so never one of YAML's numbers. */
const DURATION = /^[0-9]+(?:\.[0-9]+)? ?[a-z]+(?:,? [0-9]+(?:\.[0-9]+)? ?[a-z]+)*$/;
/** The only words YAML's core schema reads as something else than a string (null and booleans). */
const NOT_A_STRING = /^(?:null|true|false)$/i;

/**
 * The value of a simple front matter line as YAML would read it, or undefined when only the YAML parser can say:
 * a word, a duration, or a `[…]` list of words.
 */
function simpleValue(text: string): string | string[] | undefined {
  const word = (candidate: string, pattern: RegExp) => pattern.test(candidate) && !NOT_A_STRING.test(candidate);
  if (text[0] === '[') {
    if (text[text.length - 1] !== ']') return undefined;
    const inner = text.slice(1, -1).trim();
    if (inner === '') return [];
    const items = inner.split(',').map((item) => item.trim());
    return items.every((item) => word(item, FLOW_WORD)) ? items : undefined;
  }
  return word(text, WORD) || DURATION.test(text) ? text : undefined;
}

/**
 * Most front matter is a few lines such as `topic: System design`, `tags: [caching, sharding]`, `time: 30 min`.
 * Those are read here without the YAML parser (which is then not even loaded: the first tree loads sooner);
 * anything else, and any key or value the metadata check refuses, goes to the YAML parser, which reads these
 * lines the same way and reports problems with their positions. Exported so tests can tell which lines it reads itself
 * (its results are held to the YAML parser's by a property test).
 */
export function simpleFrontMatter(yamlText: string): FrontMatter | undefined {
  const metadata: Metadata = {};
  const keys = new Set<string>();
  for (const line of yamlText.split('\n')) {
    if (line === '') continue;
    const match = SIMPLE_LINE.exec(line);
    const value = match ? simpleValue(match[2]) : undefined;
    if (!match || value === undefined || keys.has(match[1])) return undefined;
    keys.add(match[1]);
    const checked = checkMetadata(match[1], value, FILE_KEYS);
    if ('error' in checked) return undefined;
    Object.assign(metadata, checked.value);
  }
  return keys.size > 0 ? { metadata, problems: [] } : undefined;
}

/** The YAML parser's reading: where the fast path declines, and what tests hold the fast path to. */
export function yamlFrontMatter(yamlText: string): FrontMatter {
  const { isMap, isNode, isScalar, LineCounter, parseDocument, visit } = yaml();
  const metadata: Metadata = {};
  const problems: FrontMatterProblem[] = [];
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined) => {
    const position = lineCounter.linePos(offset ?? 0);
    return { line: position.line, column: position.col };
  };
  let document;
  try {
    document = parseDocument(yamlText, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: true, merge: false });
  } catch (error) {
    // The yaml package reports problems as values; this guards the promise that the parser never throws.
    return { metadata, problems: [{ line: 1, column: 1, severity: 'error', message: l10n.t('front matter could not be read: {0}', String(error)) }] };
  }
  for (const error of document.errors) {
    problems.push({ ...at(error.pos[0]), severity: 'error', message: l10n.t('front matter is not valid YAML: {0}', firstLine(error.message)) });
  }
  if (document.errors.length > 0) return { metadata, problems };

  const tagged: Node[] = [];
  visit(document, (_key, node) => {
    if (isNode(node) && node.tag !== undefined) tagged.push(node);
  });
  for (const node of tagged) {
    const tag = node.tag!.replace('tag:yaml.org,2002:', '!!');
    problems.push({ ...at(node.range?.[0]), severity: 'error', message: l10n.t('front matter tag `{0}` is not allowed: front matter holds plain values only, nothing is constructed or run', tag) });
  }
  if (tagged.length > 0) return { metadata, problems };

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { metadata, problems };
  if (!isMap(contents)) {
    problems.push({ ...at(contents.range?.[0]), severity: 'error', message: l10n.t('front matter must be `key: value` lines (a YAML mapping), e.g. `topic: System design`') });
    return { metadata, problems };
  }
  for (const pair of contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const position = at(isNode(keyNode) ? keyNode.range?.[0] : undefined);
    let value: unknown;
    try {
      value = isNode(pair.value) ? pair.value.toJS(document, { maxAliasCount: 20 }) : null;
    } catch (error) {
      problems.push({ ...position, severity: 'error', message: l10n.t('front matter key `{0}`: {1}', key, firstLine(String(error))) });
      continue;
    }
    const checked = checkMetadata(key, value, FILE_KEYS);
    if ('error' in checked) {
      problems.push({ ...position, severity: checked.unknownKey ? 'warning' : 'error', message: l10n.t('front matter {0}', checked.error) });
    } else {
      Object.assign(metadata, checked.value);
    }
  }
  return { metadata, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
