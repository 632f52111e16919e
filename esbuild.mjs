// Bundles the extension (Node, CommonJS), the command-line validator and the player webview (browser, IIFE).
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
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
  { ...shared, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], plugins: [problemMatcherPlugin, lazyYamlPlugin] },
  { ...shared, entryPoints: [require.resolve('yaml')], outfile: 'dist/yaml.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...shared, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20' },
  ...['player', 'review'].map((page) => ({ ...shared, entryPoints: [`src/webview/${page}.ts`], outfile: `dist/webview/${page}.js`, platform: 'browser', format: 'iife', target: 'es2022' })),
];

/** Codicons are loaded by the webview from dist/, so the packaged extension needs no node_modules. */
async function copyCodicons() {
  const dir = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  await mkdir('dist/codicons', { recursive: true });
  await Promise.all(['codicon.css', 'codicon.ttf'].map((f) => copyFile(path.join(dir, f), path.join('dist/codicons', f))));
}

await copyCodicons();
if (watch) {
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
}
