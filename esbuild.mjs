// Bundles the extension (Node, CommonJS) with its lazy chunks, the command line, and the webviews (browser, IIFE),
// and prepares the shipped library's index (dist/library-index.json).
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const require = createRequire(import.meta.url);

/** Reports every warning and error in the `file:line:col: message` shape VS Code's problem matchers read. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log(`[${build.initialOptions.outfile}] build started`));
    build.onEnd((result) => {
      for (const { kind, list } of [
        { kind: 'warning', list: result.warnings },
        { kind: 'error', list: result.errors },
      ]) {
        for (const message of list) {
          const where = message.location
            ? `${message.location.file}:${message.location.line}:${message.location.column}: `
            : '';
          console.error(`${where}${kind}: ${message.text}`);
        }
      }
      console.log(`[${build.initialOptions.outfile}] build finished`);
    });
  },
};

/**
 * `yaml` is more than half of the extension's code and only parses front matter, which activation never reads:
 * the extension bundle loads it on first use from a file of its own (src/core/frontMatter.ts requires it lazily).
 */
const lazyYamlPlugin = {
  name: 'lazy-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};

/**
 * Lazy chunks: each module of src/lazy/ gathers code that activation never runs (the parser, the history and its
 * scheduler, zod and the message schemas). The extension imports them with `import()`; here each becomes a file of
 * its own (dist/lazy-<name>.js), so activation neither reads nor compiles it. With dynamic import marked
 * unsupported, esbuild turns `import()` of that file into a `require` when it is first needed.
 */
const LAZY_CHUNKS = ['history', 'library', 'mock', 'practice', 'protocol'];
const lazyChunksPlugin = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /(^|\/)lazy\/[a-z]+$/ }, (args) => {
      const name = args.path.split('/').pop();
      return LAZY_CHUNKS.includes(name) ? { path: `./lazy-${name}.js`, external: true } : undefined;
    });
  },
};

/**
 * One namespace object for the `vscode` API per bundle. esbuild turns each module's `import * as vscode from 'vscode'`
 * into `__toESM(require('vscode'))`, which copies every one of the API's 400-odd properties into a new object: in
 * the extension's 27 modules that was about 10 ms of activation in the extension host (seen in a CPU profile of
 * `activate()`). Routed through one ES module that re-exports the API, the copy happens once.
 */
const vscodeNamespaceOncePlugin = {
  name: 'vscode-namespace-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const shared = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  metafile: true,
  logLevel: 'silent',
  plugins: [problemMatcherPlugin],
  legalComments: 'none',
};

const builds = [
  // The activation shell, then the extension it loads through a code cache (src/extension.ts).
  { ...shared, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...shared, entryPoints: ['src/main.ts'], outfile: 'dist/main.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], supported: { 'dynamic-import': false }, plugins: [problemMatcherPlugin, lazyYamlPlugin, lazyChunksPlugin, vscodeNamespaceOncePlugin] },
  // A chunk's own `import()` of another chunk stays a require of that file, as in the extension bundle.
  ...LAZY_CHUNKS.map((name) => ({ ...shared, entryPoints: [`src/lazy/${name}.ts`], outfile: `dist/lazy-${name}.js`, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], supported: { 'dynamic-import': false }, plugins: [problemMatcherPlugin, lazyYamlPlugin, lazyChunksPlugin, vscodeNamespaceOncePlugin] })),
  { ...shared, entryPoints: [require.resolve('yaml')], outfile: 'dist/yaml.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...shared, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20' },
  // The pages are ES modules split into shared chunks, so the Markdown renderer and sanitiser the player and the review
  // both use are shipped (and parsed) once. A nonced module script's imports carry its nonce: the CSP stays nonce-only.
  { ...shared, entryPoints: ['player', 'review', 'stats'].map((page) => `src/webview/${page}.ts`), outdir: 'dist/webview', chunkNames: 'chunk-[hash]', splitting: true, platform: 'browser', format: 'esm', target: 'es2022' },
];

/**
 * Translations: l10n/<language>/*.json (one file per area: host, core, webview, so each is edited on its own)
 * become the one bundle VS Code and @vscode/l10n read, dist/l10n/bundle.l10n.<language>.json.
 */
async function mergeTranslations() {
  await mkdir('dist/l10n', { recursive: true });
  for (const language of await readdir('l10n')) {
    const bundle = {};
    for (const area of (await readdir(path.join('l10n', language))).filter((name) => name.endsWith('.json')).sort()) {
      const entries = JSON.parse(await readFile(path.join('l10n', language, area), 'utf8'));
      for (const [key, value] of Object.entries(entries)) {
        if (key in bundle && bundle[key] !== value) throw new Error(`l10n/${language}/${area}: "${key}" is translated differently in another area`);
        bundle[key] = value;
      }
    }
    await writeFile(path.join('dist', 'l10n', `bundle.l10n.${language}.json`), JSON.stringify(bundle));
  }
}

/** Codicons are loaded by the webview from dist/, so the packaged extension needs no node_modules. */
const CODICONS = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));

/** A watch build keeps every icon: its pages change while it runs. */
async function copyCodicons() {
  await mkdir('dist/codicons', { recursive: true });
  await Promise.all(['codicon.css', 'codicon.ttf'].map((f) => copyFile(path.join(CODICONS, f), path.join('dist/codicons', f))));
}

/**
 * The pages use a dozen of the 500-odd codicons; the whole font is 126 KB, a quarter of the .vsix budget. Every
 * quoted word in the built pages that names a codicon keeps its glyph and its rule (a superset: `'play'` may be
 * a message type too), so an icon named in the pages' code as a literal (`icon('watch')`, `x ? 'eye' : 'book'`)
 * is always kept; a name put together at run time would not be, so the pages never do that.
 */
async function subsetCodicons() {
  const { default: subsetFont } = await import('subset-font');
  const pages = await Promise.all((await readdir('dist/webview')).filter((f) => f.endsWith('.js')).map((f) => readFile(path.join('dist/webview', f), 'utf8')));
  const quoted = new Set(pages.flatMap((code) => [...code.matchAll(/["'`]([a-z0-9-]+)["'`]/g)].map((m) => m[1])));
  const css = await readFile(path.join(CODICONS, 'codicon.css'), 'utf8');
  const icon = /^\.codicon-([a-z0-9-]+):before \{ content: "\\([0-9a-f]+)" \}$/;
  const glyphs = new Set();
  const kept = css.split('\n').filter((line) => {
    const match = icon.exec(line);
    if (!match) return true; // the font face, the base class and the modifiers
    if (!quoted.has(match[1])) return false;
    glyphs.add(String.fromCodePoint(parseInt(match[2], 16)));
    return true;
  });
  if (glyphs.size === 0) throw new Error('no codicon is named in dist/webview: the icon rule of codicon.css has changed');
  const font = await subsetFont(await readFile(path.join(CODICONS, 'codicon.ttf')), [...glyphs].join(''), { targetFormat: 'truetype' });
  await mkdir('dist/codicons', { recursive: true });
  await writeFile(path.join('dist/codicons', 'codicon.css'), kept.join('\n'));
  await writeFile(path.join('dist/codicons', 'codicon.ttf'), font);
}

/**
 * Parses the shipped library with the sources just bundled and writes its index (src/core/libraryIndex.ts), so the
 * extension does not parse those files again in every window. A watch build leaves no index: it would go stale.
 */
async function prepareLibraryIndex() {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'interview-dialogues-index-'));
  try {
    const script = path.join(scratch, 'build-index.js');
    await esbuild.build({ ...shared, metafile: false, sourcemap: false, minify: false, entryPoints: ['src/node/buildLibraryIndex.ts'], outfile: script, platform: 'node', format: 'cjs', target: 'node20' });
    const { writePreparedIndex } = require(script);
    await writePreparedIndex('dialogues', path.join('dist', 'library-index.json'));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// Chunk names change with their content: start the pages' folder afresh so no stale chunk is packaged.
await rm(path.join('dist', 'webview'), { recursive: true, force: true });
await mergeTranslations();
if (watch) {
  await copyCodicons();
  await rm(path.join('dist', 'library-index.json'), { force: true });
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  const metafile = { inputs: {}, outputs: {} };
  for (const result of results) {
    Object.assign(metafile.inputs, result.metafile.inputs);
    Object.assign(metafile.outputs, result.metafile.outputs);
  }
  await writeFile('dist/meta.json', JSON.stringify(metafile));
  if (results.some((r) => r.errors.length > 0)) process.exit(1);
  await subsetCodicons();
  await prepareLibraryIndex();
}
