/**
 * Loads the extension's own bundles through a V8 code cache kept in its global storage. Most of a window's first
 * `require` of the ~90 KB minified extension bundle is V8 compiling it (about 8 of 10 ms in plain Node); with the
 * bytecode cached, compiling takes about 1 ms in every window after the first, and the functions that ran before
 * the cache was written need no compiling either. Node's own compile cache (`module.enableCompileCache`) is
 * process-wide: in the shared extension host it would store every other extension's modules too. This covers our
 * bundles only.
 *
 * - A cache file is named by the bundle and a hash of its text: V8's own check of cached data compares only the
 *   length of the source, so a rebuilt bundle of the same length must not find the old bytecode.
 * - A missing or rejected cache (another V8 version, other flags) is written a while after the bundle first ran, so
 *   it also holds the functions that ran by then.
 * - Writes go to a temporary file renamed into place: two windows writing at once leave one whole file. Any failure
 *   (no storage, a damaged file, a full disk) only means compiling without a cache.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface CodeCacheOptions {
  /** How long after a bundle first ran its cache is written (it then holds the functions compiled by that time). */
  writeAfterMs: number;
}

interface LoadedModule {
  exports: unknown;
}

/** The CommonJS module wrapper, as Node's loader applies it (`Module.wrap`). */
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

export class CodeCacheLoader {
  private readonly modules = new Map<string, LoadedModule>();

  /** `folder` undefined: no cache (the storage is not a local folder); the bundles load as with `require`. */
  constructor(
    private readonly folder: string | undefined,
    private readonly options: CodeCacheOptions,
  ) {}

  /**
   * The exports of a bundle, evaluated once per loader. Its relative `require`s of other `.js` files (the lazy
   * chunks) load through this loader too; everything else (`vscode`, Node's modules) through Node's `require`.
   */
  load(file: string): unknown {
    const known = this.modules.get(file);
    if (known) return known.exports;
    const bytes = fs.readFileSync(file);
    // Hashing the bytes, not the decoded text, spares encoding the text again (about a millisecond at 90 KB).
    const cacheFile = this.folder === undefined ? undefined : path.join(this.folder, `${path.basename(file, '.js')}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.cache`);
    const source = bytes.toString('utf8');
    const cachedData = cacheFile === undefined ? undefined : readIfThere(cacheFile);
    const script = new vm.Script(wrap(source), { filename: file, cachedData });
    const module: LoadedModule = { exports: {} };
    this.modules.set(file, module);
    const nodeRequire = createRequire(file);
    const requireFromBundle = (id: string) => (id.startsWith('./') && id.endsWith('.js') ? this.load(path.join(path.dirname(file), id)) : nodeRequire(id));
    try {
      (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, requireFromBundle, module, file, path.dirname(file));
    } catch (error) {
      // As Node's loader does: a bundle that threw is not kept half-loaded, the next require tries again.
      this.modules.delete(file);
      throw error;
    }
    if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) this.writeLater(script, cacheFile);
    return module.exports;
  }

  private writeLater(script: vm.Script, cacheFile: string): void {
    const timer = setTimeout(() => void writeCache(script, cacheFile).catch(() => undefined), this.options.writeAfterMs);
    timer.unref?.();
  }
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the bundle's bytecode whole, then removes the caches of its earlier builds. */
async function writeCache(script: vm.Script, cacheFile: string): Promise<void> {
  const folder = path.dirname(cacheFile);
  await fs.promises.mkdir(folder, { recursive: true });
  const temporary = `${cacheFile}.${process.pid}-${Date.now()}.tmp`;
  await fs.promises.writeFile(temporary, script.createCachedData());
  await fs.promises.rename(temporary, cacheFile);
  const bundle = path.basename(cacheFile).replace(/-[0-9a-f]{16}\.cache$/, '-');
  for (const name of await fs.promises.readdir(folder)) {
    if (name.startsWith(bundle) && /^[0-9a-f]{16}\.cache$/.test(name.slice(bundle.length)) && name !== path.basename(cacheFile)) await fs.promises.rm(path.join(folder, name), { force: true });
  }
}
