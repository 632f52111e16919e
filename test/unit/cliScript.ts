/** The CLI script the CLI tests run (not a test file itself: mocha only loads *.test.js). */
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO } from './helpers';

/** Newest modification time of the sources the CLI bundles (the webview is a separate bundle). */
async function newestSourceTime(folder: string): Promise<number> {
  let newest = 0;
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== 'webview') newest = Math.max(newest, await newestSourceTime(full));
    else if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, (await fs.stat(full)).mtimeMs);
  }
  return newest;
}

/**
 * dist/cli.js when it is newer than every source it bundles; otherwise the same entry bundled the same way into a
 * temporary folder, so the test never runs stale code and never rewrites dist/ under someone else's feet.
 */
export async function cliScript(scratch: string): Promise<string> {
  const dist = path.join(REPO, 'dist', 'cli.js');
  if (existsSync(dist) && statSync(dist).mtimeMs >= (await newestSourceTime(path.join(REPO, 'src')))) return dist;
  const outfile = path.join(scratch, 'cli.js');
  await build({ entryPoints: [path.join(REPO, 'src', 'cli.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
  return outfile;
}
