// Languages: every key the code translates has its German, no English literal reaches the user around l10n.t, and
// the manifest's strings come from package.nls.json / package.nls.de.json with the same placeholders.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './helpers';
import { bypasses, sourceFiles, usedKeys } from './support/l10nScan';

/** The folders whose user-visible strings must go through l10n: all of src but the protocol (types and schemas). */
const CHECKED = ['src/extension.ts', 'src/main.ts', 'src/host', 'src/lazy', 'src/core', 'src/cli', 'src/cli.ts', 'src/node', 'src/webview'];

/** Which translation file holds which sources' keys (the brief's areas; esbuild.mjs merges them into one bundle). */
const AREAS: Record<string, string[]> = {
  host: ['src/extension.ts', 'src/main.ts', 'src/host', 'src/lazy'],
  core: ['src/core', 'src/cli', 'src/cli.ts', 'src/node'],
  webview: ['src/webview'],
};

/** Errors thrown with an English message that never reaches the user, and why. */
const CHECKPOINT_DAMAGED = 'loadHistory catches it and reads the logs in full (rebuilt: unreadable)';
const INTERNAL_ERRORS = new Map([
  ['src/host/workspaceFileSystem.ts: no real path', 'the library loader catches it and walks on without the link-loop check'],
  ['src/core/history/columns.ts: a column of another length', CHECKPOINT_DAMAGED],
  ['src/core/history/history.ts: a part of the history is missing', CHECKPOINT_DAMAGED],
  ["src/core/history/table.ts: the rows' ids are missing", CHECKPOINT_DAMAGED],
]);

const readJson = (file: string) => JSON.parse(readFileSync(path.join(REPO, file), 'utf8')) as Record<string, string>;
const german = Object.fromEntries(Object.keys(AREAS).map((area) => [area, readJson(`l10n/de/${area}.json`)]));

describe('Languages', () => {
  for (const [area, folders] of Object.entries(AREAS)) {
    it(`has a German translation for every key of the ${area} area, and none that no code uses`, async () => {
      const used = await usedKeys(REPO, sourceFiles(REPO, folders));
      const translated = german[area];
      assert.deepEqual([...used].filter((key) => !(key in translated)), [], `missing in l10n/de/${area}.json`);
      assert.deepEqual(Object.keys(translated).filter((key) => !used.has(key)), [], `stale in l10n/de/${area}.json`);
    });
  }

  it('sorts each translation file by key and translates a key shared by two areas the same way', () => {
    const seen = new Map<string, { area: string; text: string }>();
    for (const [area, entries] of Object.entries(german)) {
      const keys = Object.keys(entries);
      assert.deepEqual(keys, [...keys].sort(), `l10n/de/${area}.json is not sorted by key`);
      for (const [key, text] of Object.entries(entries)) {
        const other = seen.get(key);
        assert.ok(!other || other.text === text, `"${key}" is "${other?.text}" in ${other?.area} but "${text}" in ${area}`);
        seen.set(key, { area, text });
      }
    }
  });

  it('keeps the placeholders and plural choices of the English in every German translation', () => {
    const entries = [...Object.values(german).flatMap((entries) => Object.entries(entries)), ...nlsPairs()];
    const mismatched = entries.filter(([english, translated]) => shape(english) !== shape(translated)).map(([english, translated]) => `${english} → ${translated}`);
    assert.deepEqual(mismatched, []);
  });

  it('sends no user-visible literal of the checked folders around l10n', () => {
    const found = bypasses(REPO, sourceFiles(REPO, CHECKED), INTERNAL_ERRORS);
    assert.deepEqual(found.map((b) => `${b.file}:${b.line} ${b.where}: ${b.text}`), []);
  });

  it('takes every user-visible manifest string from package.nls.json, with a German one in package.nls.de.json', () => {
    const manifest = readJson('package.json') as unknown as Record<string, unknown>;
    const english = readJson('package.nls.json');
    const germanNls = readJson('package.nls.de.json');
    const visible = manifestStrings(manifest);
    assert.ok(visible.length > 50, 'the scan found the manifest strings');
    assert.deepEqual(visible.filter(({ value }) => !/^%[\w.-]+%$/.test(value)).map(({ at, value }) => `${at}: ${value}`), [], 'not a %key%');
    const keys = visible.map(({ value }) => value.slice(1, -1));
    assert.deepEqual(keys.filter((key) => !(key in english)), [], 'missing in package.nls.json');
    assert.deepEqual(Object.keys(english).filter((key) => !keys.includes(key)), [], 'unused in package.nls.json');
    assert.deepEqual(Object.keys(germanNls).sort(), Object.keys(english).sort(), 'package.nls.de.json has other keys than package.nls.json');
  });
});

/** English → German pairs of the manifest. */
function nlsPairs(): [string, string][] {
  const english = readJson('package.nls.json');
  const germanNls = readJson('package.nls.de.json');
  return Object.entries(english).map(([key, text]) => [text, germanNls[key] ?? text]);
}

/** The placeholders and plural choices of a message, in order of their index: `{0}` `{1,plural:one,other}`. */
function shape(message: string): string {
  const plain = [...message.matchAll(/\{(\d+)\}/g)].map((m) => `{${m[1]}}`);
  const choices = [...message.matchAll(/\{(\d+),\s*plural,/g)].map((m) => `{${m[1]},plural}`);
  return [...new Set([...plain, ...choices])].sort().join(' ');
}

/** Keys of the manifest whose strings the user reads (commands, views, settings, walkthroughs, welcome content). */
const VISIBLE_KEYS = new Set(['displayName', 'description', 'markdownDescription', 'title', 'shortTitle', 'category', 'contextualTitle', 'label', 'altText', 'contents', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage', 'errorMessage']);

function manifestStrings(manifest: Record<string, unknown>): { at: string; value: string }[] {
  const found: { at: string; value: string }[] = [];
  const walk = (value: unknown, at: string, visible: boolean): void => {
    if (typeof value === 'string') {
      if (visible) found.push({ at, value });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${at}[${i}]`, visible));
    } else if (value && typeof value === 'object') {
      // `name` names views and containers, but is an id elsewhere (the package, a problem matcher).
      for (const [key, item] of Object.entries(value)) walk(item, `${at}.${key}`, VISIBLE_KEYS.has(key) || (key === 'name' && at.startsWith('contributes.views')));
    }
  };
  walk({ displayName: manifest.displayName, description: manifest.description, capabilities: manifest.capabilities }, 'package.json', false);
  walk(manifest.contributes, 'contributes', false);
  return found;
}
