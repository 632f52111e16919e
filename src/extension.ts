/**
 * Activation shell: loads the extension (dist/main.js) and its lazy chunks through a V8 code cache in the global
 * storage (see src/node/codeCache.ts), then activates it. It holds no other code, so loading it costs next to nothing.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type * as MainModule from './main';
import { CodeCacheLoader, type CodeCacheOptions } from './node/codeCache';

type Main = typeof MainModule;

/** The extension's code, through a code cache in `storage` (a local folder) or, without one, compiled as usual. */
export function loadMain(storage: string | undefined, options: CodeCacheOptions = { writeAfterMs: 20_000 }): Main {
  return new CodeCacheLoader(storage === undefined ? undefined : path.join(storage, 'code-cache'), options).load(path.join(__dirname, 'main.js')) as Main;
}

export function activate(context: vscode.ExtensionContext): ReturnType<Main['activate']> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const storage = context.globalStorageUri;
  const main = loadMain(storage.scheme === 'file' ? storage.fsPath : undefined);
  return main.activate(context, { started, loaded: performance.now(), cpu });
}
