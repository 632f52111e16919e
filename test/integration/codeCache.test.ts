import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { surface, waitFor } from './support';

const EXTENSION_ID = 'interview-dialogues.interview-dialogues';

describe('Activation through the code cache', () => {
  it('runs the extension from dist/main.js loaded by the shell, not through Node’s require', async () => {
    await surface();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const main = path.join(extension.extensionPath, 'dist', 'main.js');
    assert.equal(require.cache[main], undefined, 'dist/main.js was required by Node, not loaded through the code cache');
    assert.ok(require.cache[path.join(extension.extensionPath, 'dist', 'extension.js')], 'the shell is what VS Code loaded');
  });

  it('writes the bytecode of dist/main.js, named by its text’s hash, to the global storage after it ran', async function () {
    this.timeout(60_000);
    const { globalStorage } = await surface();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const text = await fs.readFile(path.join(extension.extensionPath, 'dist', 'main.js'), 'utf8');
    const expected = path.join(globalStorage.fsPath, 'code-cache', `main-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.cache`);
    // Written 20 s after the extension was loaded.
    const size = await waitFor(async () => (await fs.stat(expected).catch(() => undefined))?.size, `${expected} to be written`, 45_000);
    assert.ok(size > 1000, `the cache holds ${size} bytes`);
  });
});

describe('The extension’s bundles', () => {
  it('take the vscode API through one require each, not one namespace copy per module (esbuild.mjs)', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    for (const bundle of ['main.js', 'lazy-mock.js']) {
      const code = await fs.readFile(path.join(extension.extensionPath, 'dist', bundle), 'utf8');
      assert.equal(code.match(/require\("vscode"\)/g)?.length, 1, `${bundle} requires vscode once`);
    }
  });
});
