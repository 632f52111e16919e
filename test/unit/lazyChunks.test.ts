// The lazy chunks as built (dist/lazy-*.js, from the unit tier's build step): kept out of the bundle activation
// loads, and loaded as the extension loads them in a German VS Code. Each chunk bundles its own @vscode/l10n and
// plural rules, so each must configure them itself: before it did, the review's intervals ("in 3 days") and the
// parser's problems stayed English in every language.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '..', '..', '..', 'dist');
const GERMAN = JSON.parse(fs.readFileSync(path.join(DIST, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;

/** A stand-in for the `vscode` module of a German window: the display language and its bundle, counted when read. */
function germanVSCode(): { api: object; reads: string[] } {
  const reads: string[] = [];
  const l10n = {
    get bundle() {
      reads.push('l10n.bundle');
      return GERMAN;
    },
    t: (message: string) => GERMAN[message] ?? message,
  };
  const env = {
    get language() {
      reads.push('env.language');
      return 'de';
    },
  };
  // Anything else a chunk touches while loading (a base class, an enum) is an inert stand-in.
  const api = new Proxy({ l10n, env } as Record<string | symbol, unknown>, { get: (target, key) => (key in target ? target[key] : class {}) });
  return { api, reads };
}

/** Loads a chunk and the chunks it requires as the extension's loader does (src/node/codeCache.ts), with `vscode` given. */
function loadChunk(name: string, vscode: object): Record<string, unknown> {
  const loaded = new Map<string, { exports: Record<string, unknown> }>();
  const load = (file: string): Record<string, unknown> => {
    const known = loaded.get(file);
    if (known) return known.exports;
    const module = { exports: {} as Record<string, unknown> };
    loaded.set(file, module);
    const run = new Function('exports', 'require', 'module', '__filename', '__dirname', fs.readFileSync(file, 'utf8'));
    const requireFromChunk = (id: string) => (id === 'vscode' ? vscode : id.startsWith('./') ? load(path.join(DIST, id)) : createRequire(file)(id));
    run.call(module.exports, module.exports, requireFromChunk, module, file, DIST);
    return module.exports;
  };
  return load(path.join(DIST, `lazy-${name}.js`));
}

describe('The lazy chunks (dist/lazy-*.js)', () => {
  const chunks = fs.readdirSync(DIST).filter((file) => /^lazy-[a-z]+\.js$/.test(file)).map((file) => file.slice('lazy-'.length, -'.js'.length));

  it('are all here to test', () => {
    assert.deepEqual(chunks, ['history', 'library', 'mock', 'practice', 'protocol']);
  });

  for (const name of ['history', 'library', 'mock', 'practice', 'protocol']) {
    it(`lazy-${name}.js takes the display language and its bundle when it loads in a German window`, () => {
      const { api, reads } = germanVSCode();
      loadChunk(name, api);
      assert.ok(reads.includes('l10n.bundle') && reads.includes('env.language'), `read: ${reads.join(', ') || 'nothing'}`);
    });
  }

  it('are not in the bundle activation loads: no module a chunk exports is in dist/main.js', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(DIST, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const eager = Object.keys(meta.outputs['dist/main.js'].inputs);
    for (const name of chunks) {
      const entry = fs.readFileSync(path.resolve(DIST, '..', 'src', 'lazy', `${name}.ts`), 'utf8');
      const exported = [...entry.matchAll(/^export .* from '\.\.\/([\w/]+)';$/gm)].map((m) => `src/${m[1]}.ts`);
      assert.ok(exported.length > 0, `src/lazy/${name}.ts exports modules`);
      assert.deepEqual(exported.filter((file) => eager.includes(file)), [], `lazy-${name}'s modules in dist/main.js`);
    }
  });

  it('names the review’s intervals in German (the scheduler, in lazy-history.js)', () => {
    const { scheduler } = loadChunk('history', germanVSCode().api) as { scheduler: { spokenInterval(ms: number): string } };
    assert.equal(scheduler.spokenInterval(3 * 24 * 3_600_000), '3 Tagen');
  });

  it('states a dialogue file’s problems in German (the parser, in lazy-library.js)', () => {
    const { parseDialogueFile } = loadChunk('library', germanVSCode().api) as { parseDialogueFile(source: string, file: string): { diagnostics: { message: string }[] } };
    const parsed = parseDialogueFile('---\ntitle: !!js/function "x"\n---\n\n# A\n\n**Interviewer:** Hi?\n', 'a.md');
    assert.ok(parsed.diagnostics.some((d) => d.message.startsWith('Front-Matter-Tag')), parsed.diagnostics.map((d) => d.message).join('\n'));
  });
});
