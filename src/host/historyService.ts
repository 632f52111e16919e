/**
 * The practice history as the extension sees it: the history folder (global storage, or the user's
 * `interviewDialogues.historyFolder`), read and merged on first use, kept live when another window or machine adds
 * to it, written through this window's own append-only file, and scheduled with FSRS. The modules behind it
 * (ts-fsrs among them) load on first use, off the activation path.
 */
import * as vscode from 'vscode';
import { plural } from '../core/plural';
import type { AttemptRecord } from '../core/attempt';
import type { AttemptEvent, CardEvent, HistoryEvent, Rating, ReviewEvent } from '../core/history/events';
import type { History, QuestionProgress } from '../core/history/history';
import type { RebuildReason } from '../core/history/checkpoint';
import type { HistoryFiles, HistoryProblem, HistoryWriter } from '../core/history/log';
import type { LogTails } from '../core/history/tails';
import type { ImportResult } from '../core/history/transfer';
import type { DueQueue, QuestionCard, RatingOption, ReviewDetails, Scheduler } from '../core/review/scheduler';
import type { Stats } from '../core/review/stats';
import type { Library } from '../core/library';
import type { LocalDays } from '../core/review/days';
import type * as LazyHistory from '../lazy/history';
import { Settings as SettingIds } from '../ids';
import { historyFilesAt } from './fileStore';
import { userFolderUri } from './paths';
import type { Settings } from './settings';

const RELOAD_DELAY_MS = 300;
/** How long another window's append may take before a cut-off last line counts as damage. */
const UNFINISHED_RECHECK_MS = 1500;
/** The checkpoint is written a moment after a load, so that serialising it never delays the first tree or queue. */
const CHECKPOINT_DELAY_MS = 1000;

type Modules = typeof LazyHistory;

interface Open {
  modules: Modules;
  folder: vscode.Uri;
  files: HistoryFiles;
  writer: HistoryWriter;
  history: History;
  /** What has been read of each log, so that a change reads only what was appended. */
  tails: LogTails;
  /** How it was read: why the logs were read in full (no checkpoint, a damaged one…), else through the checkpoint. */
  read: { rebuilt?: RebuildReason; parsed: number };
}

export class HistoryService implements vscode.Disposable {
  private opening: Promise<Open> | undefined;
  private open: Open | undefined;
  private progressCache: Map<string, QuestionProgress> | undefined;
  private schedulerCache: { key: string; scheduler: Scheduler } | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private rereadTimer: ReturnType<typeof setTimeout> | undefined;
  private checkpointTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly reportedProblems = new Set<string>();
  private readonly seenUnfinished = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the history changes: this window recorded something, another one did, or the folder changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly globalStorage: vscode.Uri,
    private readonly settings: () => Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Loads the history on first use. Never rejects: an unreadable folder is reported and leaves an empty history. */
  async ready(): Promise<void> {
    await this.load().catch((error: unknown) => this.log.error(`Cannot read the practice history: ${String(error)}`));
  }

  /** The merged history, once loaded (undefined before `ready` resolved). */
  get current(): History | undefined {
    return this.open?.history;
  }

  /** How the current history was read (the log line's figures), once loaded. */
  get read(): Open['read'] | undefined {
    return this.open?.read;
  }

  /** The folder the history lives in (for messages and the export default). */
  get folder(): vscode.Uri {
    return this.folderUri();
  }

  /** Attempts and best time of a question (the tree's ✓), once loaded. */
  progress(questionId: string): QuestionProgress | undefined {
    this.progressCache ??= this.open?.history.progress();
    return this.progressCache?.get(questionId);
  }

  /** The scheduler for the current settings (a new one when they change, which recomputes every card from the log). */
  scheduler(): Scheduler | undefined {
    const open = this.open;
    if (!open) return undefined;
    const key = JSON.stringify(this.settings().schedule);
    if (this.schedulerCache?.key !== key) this.schedulerCache = { key, scheduler: new open.modules.scheduler.Scheduler(this.settings().schedule) };
    return this.schedulerCache.scheduler;
  }

  /** Local days starting at 4 a.m., as streaks, "due today" and the daily limit count them. */
  days(): LocalDays | undefined {
    return this.open?.modules.days.localDays();
  }

  card(questionId: string): QuestionCard | undefined {
    return this.scheduler()?.card(this.open?.history.question(questionId), questionId);
  }

  /** The four buttons of a review: when the question would come back after each rating. */
  preview(questionId: string, now = Date.now()): RatingOption[] {
    return this.scheduler()?.preview(this.open?.history.question(questionId), now) ?? [];
  }

  /** Due and new questions for today, in the library's order (`questionIds`). */
  queue(questionIds: readonly string[], now = Date.now()): DueQueue | undefined {
    const open = this.open;
    const scheduler = this.scheduler();
    if (!open || !scheduler) return undefined;
    return scheduler.queue(open.history, { now, days: open.modules.days.localDays(), library: questionIds });
  }

  /**
   * The statistics of the whole history (src/core/review/stats.ts) for the stats view: topics and the due forecast
   * as the library sees them, so they agree with the tree and its Due group. Undefined until the history is loaded.
   */
  stats(library: Library, now = Date.now()): Stats | undefined {
    const open = this.open;
    const scheduler = this.scheduler();
    if (!open || !scheduler) return undefined;
    return open.modules.stats.computeStats(open.history, scheduler, {
      now,
      days: open.modules.days.localDays(),
      library: library.dialogues.flatMap((dialogue) => dialogue.questions.map((question) => question.id)),
      lookup: (id) => {
        const found = library.question(id);
        return found && { topic: found.dialogue.topic, prompt: found.question.prompt };
      },
    });
  }

  async recordAttempt(record: AttemptRecord): Promise<AttemptEvent | undefined> {
    const [event] = await this.record(record);
    return event as AttemptEvent | undefined;
  }

  /** Records a rating: the review and the card it schedules. */
  async rate(questionId: string, rating: Rating, details: ReviewDetails = {}): Promise<ReviewEvent | undefined> {
    const open = await this.load();
    const body = this.scheduler()!.rate(open.history.question(questionId), questionId, rating, Date.now(), details);
    const [event] = await this.record(body);
    return event as ReviewEvent | undefined;
  }

  async setCard(questionId: string, type: CardEvent['type']): Promise<void> {
    await this.record({ type, question: questionId });
  }

  async deleteAttempt(attemptId: string): Promise<void> {
    await this.record({ type: 'delete-attempt', attempt: attemptId });
  }

  /** The whole merged history as JSON Lines (Export History). */
  async exportText(): Promise<string> {
    const open = await this.load();
    return open.modules.transfer.exportHistory((await open.modules.log.readHistory(open.files)).events);
  }

  /** Merges exported files into the history folder (Import History); nothing already there is touched. */
  async importTexts(texts: readonly { name: string; text: string }[]): Promise<ImportResult> {
    const open = await this.load();
    const result = await open.modules.transfer.importHistory(open.files, texts);
    await this.reread();
    return result;
  }

  /** Settings changed: a new history folder is loaded afresh; new scheduling settings recompute every card. */
  settingsChanged(event: vscode.ConfigurationChangeEvent): void {
    if (event.affectsConfiguration(SettingIds.historyFolder) && this.opening) {
      this.opening = undefined;
      this.open = undefined;
      void this.ready().then(() => this.fireChanged());
    } else if (event.affectsConfiguration('interviewDialogues.review')) {
      this.fireChanged();
    }
  }

  private async record(...bodies: Parameters<HistoryWriter['record']>): Promise<HistoryEvent[]> {
    const open = await this.load();
    try {
      const events = await open.writer.record(...bodies);
      for (const event of events) open.history.add(event);
      this.fireChanged();
      return events;
    } catch (error) {
      this.log.error(`Could not write to the practice history in ${open.folder.fsPath}: ${String(error)}`);
      const retryLabel = vscode.l10n.t('Retry');
      const openSettings = vscode.l10n.t('Open Settings');
      const retry = await vscode.window.showErrorMessage(
        vscode.l10n.t('Your practice record could not be saved in {0} ({1}). Your draft file is safe. Free some space or check the setting {2}, then retry.', open.folder.fsPath, error instanceof Error ? error.message : String(error), SettingIds.historyFolder),
        retryLabel,
        openSettings,
      );
      if (retry === retryLabel) return this.record(...bodies);
      if (retry === openSettings) void vscode.commands.executeCommand('workbench.action.openSettings', SettingIds.historyFolder);
      return [];
    }
  }

  private load(): Promise<Open> {
    this.opening ??= this.openFolder();
    return this.opening;
  }

  private async openFolder(): Promise<Open> {
    const modules: Modules = await import('../lazy/history');
    const folder = this.folderUri();
    const files = historyFilesAt(folder);
    // The first history format (attempts.json in global storage) moves into the folder; the file stays as a backup.
    const migration = await modules.migrate.migrateLegacyAttempts(historyFilesAt(this.globalStorage), files).catch((error: unknown) => {
      this.log.error(`Could not migrate attempts.json: ${String(error)}`);
      return undefined;
    });
    if (migration?.status === 'migrated') this.log.info(`Migrated ${migration.attempts} attempts from attempts.json into ${migration.file}`);
    if (migration?.problem) void vscode.window.showWarningMessage(vscode.l10n.t('Interview Dialogues: {0}', migration.problem));
    // Through this machine's checkpoint: only what the logs hold past it is parsed (src/core/history/checkpoint.ts).
    const loaded = await modules.checkpoint.loadHistory(files, modules.checkpoint.checkpointFileName(vscode.env.machineId));
    this.reportProblems(loaded.problems, folder);
    const open: Open = {
      modules,
      folder,
      files,
      writer: new modules.log.HistoryWriter(files, { writerId: modules.log.newWriterId() }),
      history: loaded.history,
      tails: new modules.tails.LogTails(files, loaded.marks),
      read: { ...(loaded.rebuilt ? { rebuilt: loaded.rebuilt } : {}), parsed: loaded.parsed },
    };
    this.open = open;
    this.progressCache = undefined;
    this.watch(folder);
    const how = loaded.rebuilt ? `read in full, checkpoint ${loaded.rebuilt}` : `${loaded.parsed} events past the checkpoint`;
    this.log.info(`Loaded ${loaded.history.attemptCount} attempts and ${loaded.history.reviewCount} reviews from ${loaded.files.length} files in ${folder.toString(true)} (${how})`);
    clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => void loaded.saveCheckpoint().catch((error: unknown) => this.log.warn(`Could not write the history checkpoint: ${String(error)}`)), CHECKPOINT_DELAY_MS);
    return open;
  }

  /**
   * A window (another or this one) or a synced machine wrote to the folder: merge what was appended (known events
   * are skipped by id), or everything again when a log was replaced rather than appended to.
   */
  private async reread(): Promise<void> {
    const open = this.open;
    if (!open) return;
    const read = (await open.tails.read()) ?? (await open.tails.readAll());
    this.reportProblems(read.problems, open.folder);
    let added = false;
    for (const event of read.events) added = open.history.add(event) || added;
    if (added) this.fireChanged();
  }

  private watch(folder: vscode.Uri): void {
    this.watcher?.dispose();
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '*.jsonl'));
    this.watcher.onDidCreate(() => this.rereadSoon(RELOAD_DELAY_MS));
    this.watcher.onDidChange(() => this.rereadSoon(RELOAD_DELAY_MS));
  }

  private rereadSoon(delayMs: number): void {
    clearTimeout(this.rereadTimer);
    this.rereadTimer = setTimeout(() => void this.reread().catch((error: unknown) => this.log.warn(`Re-reading the history failed: ${String(error)}`)), delayMs);
  }

  /**
   * Damaged lines are skipped, each logged, and the user told once per line (not on every re-read). A cut-off last
   * line may be another window's append still in progress: it is told only when a second read a moment later still
   * finds it.
   */
  private reportProblems(problems: readonly HistoryProblem[], folder: vscode.Uri): void {
    const key = (problem: HistoryProblem) => `${problem.file}:${problem.line}`;
    const unconfirmed = problems.filter((problem) => problem.unfinished && !this.seenUnfinished.has(key(problem)));
    for (const problem of unconfirmed) this.seenUnfinished.add(key(problem));
    if (unconfirmed.length > 0) this.rereadSoon(UNFINISHED_RECHECK_MS);
    const fresh = problems.filter((problem) => !this.reportedProblems.has(key(problem)) && !unconfirmed.includes(problem));
    if (fresh.length === 0) return;
    for (const problem of fresh) {
      this.reportedProblems.add(key(problem));
      this.log.warn(`History ${problem.file}:${problem.line}: ${problem.message}`);
    }
    const newer = fresh.some((problem) => problem.newer);
    void vscode.window
      .showWarningMessage(
        newer
          ? plural(vscode.l10n.t('Interview Dialogues: {0, plural, one {# history entry was} other {# history entries were}} written by a newer version; update the extension to see them. Nothing was changed on disk.'), fresh.length)
          : plural(vscode.l10n.t('Interview Dialogues: {0, plural, one {# damaged line in your practice history was} other {# damaged lines in your practice history were}} skipped; the rest loaded and nothing was changed on disk.'), fresh.length),
        vscode.l10n.t('Show Details'),
      )
      .then((choice) => {
        if (choice) this.log.show(true);
      });
    this.log.info(`History folder: ${folder.toString(true)}`);
  }

  private folderUri(): vscode.Uri {
    const configured = this.settings().historyFolder;
    return (configured && userFolderUri(configured)) || vscode.Uri.joinPath(this.globalStorage, 'history');
  }

  private fireChanged(): void {
    this.progressCache = undefined;
    this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.rereadTimer);
    clearTimeout(this.checkpointTimer);
    this.watcher?.dispose();
    this.changed.dispose();
  }
}
