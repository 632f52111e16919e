// One test = one fresh VS Code: a code-server with the packaged extension installed, a fresh copy of the
// sample workspace, a fresh user-data-dir and a fresh headless Chromium. Nothing leaks from one test to the next.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { waitForWorkbench } from './workbench';

/** A running code-server, as scripts/vscode-web.mjs returns it. */
export interface VsCodeServer {
  readonly url: string;
  readonly port: number;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly readyMs: number;
  remoteUri(absPath: string): string;
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  saveLogs(dir: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** The part of scripts/vscode-web.mjs the tests use (the script is plain ESM, so it is typed here). */
interface VsCodeWeb {
  REPO: string;
  RESULTS_DIR: string;
  FIXTURE_WORKSPACE: string;
  startServer(options: {
    vsix?: string;
    extraVsix?: string[];
    smokeDriver?: boolean;
    settings?: Record<string, unknown>;
    machineSettings?: Record<string, unknown>;
    env?: Record<string, string>;
    locale?: string;
  }): Promise<VsCodeServer>;
  launchChromium(options?: { headless?: boolean }): Promise<Browser>;
  copyToTemp(folder: string): Promise<string>;
  removeTempCopy(copy: string): Promise<void>;
}

function findRepo(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'scripts', 'vscode-web.mjs'))) return dir;
  }
  throw new Error(`scripts/vscode-web.mjs not found above ${__dirname}`);
}

/** A plain ES module of the repository, typed by the caller (compiled to require(), which loads ES modules on Node >= 20.19). */
function repoModule<T>(...segments: string[]): Promise<T> {
  return import(path.join(findRepo(), ...segments)) as Promise<T>;
}

let harness: Promise<VsCodeWeb> | undefined;
function loadHarness(): Promise<VsCodeWeb> {
  harness ??= repoModule<VsCodeWeb>('scripts', 'vscode-web.mjs');
  return harness;
}

function loadFakeLm(): Promise<{ buildFakeLm(): string }> {
  return repoModule('test', 'fixtures', 'fake-lm', 'build.mjs');
}

/** Four months of practice in `folder`, as the benchmark seeds it (test/fixtures/seeded-history.mjs). */
export async function writeSeededHistory(folder: string): Promise<void> {
  const fixture = await repoModule<{ writeSeededHistory(folder: string): Promise<void> }>('test', 'fixtures', 'seeded-history.mjs');
  await fixture.writeSeededHistory(folder);
}

export interface SessionOptions {
  /** User settings on top of the harness defaults (e.g. a faster playback speed). */
  settings?: Record<string, unknown>;
  /**
   * Installs the scripted language model (test/fixtures/fake-lm) beside the extension, with this script (its
   * README): what the user's own model answers the interviewer.
   */
  fakeModel?: object;
  /**
   * Remote settings: where this remote window reads machine-scoped settings (`interviewDialogues.historyFolder`,
   * `draftsFolder`, `extraFolders`); in user settings they are ignored once the window has started.
   */
  machineSettings?: Record<string, unknown>;
  /** The display language, e.g. 'de' (VS Code's own UI stays English; the extension's strings follow it). */
  locale?: string;
}

export class Session {
  private shots = 0;

  private constructor(
    private readonly web: VsCodeWeb,
    readonly page: Page,
    readonly server: VsCodeServer,
    private readonly browser: Browser,
    /** The copy of test/fixtures/workspace this window has open. */
    readonly workspace: string,
    /** test-results/e2e/<test>/ */
    readonly resultsDir: string,
  ) {}

  /** Starts everything and waits until the workbench shows. `name` names the results folder. */
  static async start(name: string, options: SessionOptions = {}): Promise<Session> {
    const web = await loadHarness();
    const resultsDir = path.join(web.RESULTS_DIR, 'e2e', slug(name));
    await fsp.rm(resultsDir, { recursive: true, force: true });
    await fsp.mkdir(resultsDir, { recursive: true });

    const extensionPath = process.env.E2E_EXTENSION_PATH;
    const vsix = extensionPath ? undefined : path.resolve(process.env.E2E_VSIX || path.join(web.REPO, 'dist', 'interview-dialogues.vsix'));
    const workspace = await web.copyToTemp(web.FIXTURE_WORKSPACE);
    let server: VsCodeServer | undefined;
    let browser: Browser | undefined;
    try {
      // Loading an extension from a folder through the URL payload needs the smoke-test driver flag.
      const fakeModel = options.fakeModel ? await loadFakeLm() : undefined;
      server = await web.startServer({
        vsix,
        smokeDriver: Boolean(extensionPath),
        settings: options.settings,
        machineSettings: options.machineSettings,
        locale: options.locale,
        ...(fakeModel ? { extraVsix: [fakeModel.buildFakeLm()], env: { FAKE_LM_SCRIPT: JSON.stringify(options.fakeModel) } } : {}),
      });
      browser = await web.launchChromium();
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      // A reload with unsaved changes asks the browser to confirm; a person would confirm.
      page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()));
      const payload: [string, string][] | undefined = extensionPath
        ? [['extensionDevelopmentPath', server.remoteUri(path.resolve(extensionPath))]]
        : undefined;
      await page.goto(server.workbenchUrl(workspace, payload));
      await waitForWorkbench(page);
      return new Session(web, page, server, browser, workspace, resultsDir);
    } catch (error) {
      await browser?.close().catch(() => undefined);
      if (server) {
        await server.saveLogs(resultsDir).catch(() => undefined);
        await server.stop();
      }
      await web.removeTempCopy(workspace);
      throw error;
    }
  }

  /** Saves a screenshot of a key moment as test-results/e2e/<test>/NN-<name>.png. */
  async screenshot(name: string): Promise<void> {
    this.shots += 1;
    const file = path.join(this.resultsDir, `${String(this.shots).padStart(2, '0')}-${slug(name)}.png`);
    await this.page.screenshot({ path: file });
  }

  /** Stops the browser and the server; on failure first keeps a screenshot and the logs. */
  async close(failed: boolean): Promise<void> {
    try {
      if (failed) {
        await this.page.screenshot({ path: path.join(this.resultsDir, 'failure.png'), timeout: 10_000 }).catch(() => undefined);
        await this.server.saveLogs(this.resultsDir).catch(() => undefined);
      }
    } finally {
      await this.browser.close().catch(() => undefined);
      await this.server.stop();
      await this.web.removeTempCopy(this.workspace);
    }
  }
}

/**
 * Gives each test of the calling `describe` its own Session (started in beforeEach, closed in afterEach).
 * Returns a getter for the current one.
 */
export function useSession(options: SessionOptions = {}): () => Session {
  let current: Session | undefined;
  beforeEach(async function () {
    this.timeout(180_000);
    current = await Session.start(this.currentTest?.fullTitle() ?? 'test', options);
  });
  afterEach(async function () {
    this.timeout(60_000);
    const session = current;
    current = undefined;
    await session?.close(this.currentTest?.state === 'failed');
  });
  return () => {
    if (!current) throw new Error('No VS Code session: call useSession() inside describe()');
    return current;
  };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'test';
}
