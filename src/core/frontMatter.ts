/**
 * YAML front matter: file-wide metadata. Parsed with the `yaml` package in its `core` schema, which never
 * constructs custom types or runs code; any explicit tag (`!!js/function`, `!!binary`, …) is refused.
 */
import type * as Yaml from 'yaml';
import type { Node } from 'yaml';
import { checkMetadata, FILE_KEYS, type Metadata } from './metadata';

let yamlModule: typeof Yaml | undefined;

/**
 * `yaml` is loaded on first use, when the first file with front matter is read: it is more than half of the
 * extension's code, and activation never needs it. The extension bundle keeps it in a file of its own
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
    return { metadata, problems: [{ line: 1, column: 1, severity: 'error', message: `front matter could not be read: ${String(error)}` }] };
  }
  for (const error of document.errors) {
    problems.push({ ...at(error.pos[0]), severity: 'error', message: `front matter is not valid YAML: ${firstLine(error.message)}` });
  }
  if (document.errors.length > 0) return { metadata, problems };

  const tagged: Node[] = [];
  visit(document, (_key, node) => {
    if (isNode(node) && node.tag !== undefined) tagged.push(node);
  });
  for (const node of tagged) {
    const tag = node.tag!.replace('tag:yaml.org,2002:', '!!');
    problems.push({ ...at(node.range?.[0]), severity: 'error', message: `front matter tag \`${tag}\` is not allowed: front matter holds plain values only, nothing is constructed or run` });
  }
  if (tagged.length > 0) return { metadata, problems };

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { metadata, problems };
  if (!isMap(contents)) {
    problems.push({ ...at(contents.range?.[0]), severity: 'error', message: 'front matter must be `key: value` lines (a YAML mapping), e.g. `topic: System design`' });
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
      problems.push({ ...position, severity: 'error', message: `front matter key \`${key}\`: ${firstLine(String(error))}` });
      continue;
    }
    const checked = checkMetadata(key, value, FILE_KEYS);
    if ('error' in checked) {
      problems.push({ ...position, severity: checked.error.startsWith('key ') ? 'warning' : 'error', message: `front matter ${checked.error}` });
    } else {
      Object.assign(metadata, checked.value);
    }
  }
  return { metadata, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
