/**
 * The history commands of the CLI, read-only over a history folder (they never migrate or write anything):
 *
 *   node dist/cli.js stats [--json] [HISTORY_FOLDER]
 *   node dist/cli.js export --csv [HISTORY_FOLDER]
 *
 * Without HISTORY_FOLDER they read VS Code's global storage for this extension (`defaultStorageFolder`): its
 * `history/` folder and, when present, the `attempts.json` of older versions. Exit codes: 0 done, 2 bad usage or
 * no history found.
 */
import * as l10n from '@vscode/l10n';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { historyCsv } from '../core/history/csv';
import { History } from '../core/history/history';
import { DEFAULT_HISTORY_FOLDER_NAME, type HistoryProblem, readHistory } from '../core/history/log';
import { LEGACY_ATTEMPTS_FILE, legacyAttemptEvents } from '../core/history/migrate';
import { localDays, systemUtcOffset, type UtcOffset } from '../core/review/days';
import { Scheduler } from '../core/review/scheduler';
import { computeStats, type Stats } from '../core/review/stats';
import { plural } from '../core/plural';
import { formatDuration } from '../core/text';
import { NodeHistoryFiles } from '../node/historyFiles';
import { UsageError } from './args';
import { type CliCommand, type CliOutput, EXIT } from './command';

/** Where the commands look and what time it is; the defaults are the machine's. Tests pass their own. */
export interface CliEnvironment {
  now: number;
  platform: string;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  utcOffset: UtcOffset;
}

/** The extension id as VS Code names its storage folders (publisher.name, lower case). */
export const EXTENSION_STORAGE_ID = 'interview-dialogues.interview-dialogues';

function machine(): CliEnvironment {
  return { now: Date.now(), platform: process.platform, home: os.homedir(), env: process.env, utcOffset: systemUtcOffset };
}

/**
 * VS Code's global storage for this extension (desktop VS Code, stable):
 * Linux `$XDG_CONFIG_HOME` or `~/.config` + `/Code/User/globalStorage/<id>`, macOS
 * `~/Library/Application Support/Code/User/globalStorage/<id>`, Windows `%APPDATA%\Code\User\globalStorage\<id>`.
 * Insiders, VSCodium and code-server keep it elsewhere: pass the folder.
 */
export function defaultStorageFolder(environment: Pick<CliEnvironment, 'platform' | 'home' | 'env'>): string {
  const join = environment.platform === 'win32' ? path.win32.join : path.posix.join;
  const userData =
    environment.platform === 'win32'
      ? join(environment.env.APPDATA ?? join(environment.home, 'AppData', 'Roaming'), 'Code')
      : environment.platform === 'darwin'
        ? join(environment.home, 'Library', 'Application Support', 'Code')
        : join(environment.env.XDG_CONFIG_HOME || join(environment.home, '.config'), 'Code');
  return join(userData, 'User', 'globalStorage', EXTENSION_STORAGE_ID);
}


/** `stats`: totals, streak, due today and per-topic coverage; `--json` for programs. */
export function statsCommand(environment: () => CliEnvironment = machine): CliCommand {
  return {
    id: 'stats',
    get summary() {
      return l10n.t('practice statistics from a history folder: totals, due today, per-topic coverage');
    },
    usage: 'node dist/cli.js stats [--json] [HISTORY_FOLDER]',
    get description() {
      return l10n.t(
        "Reads the practice history (read-only) and prints totals, the streak, what is due today and, per topic, time\nused against budget and key-point coverage. HISTORY_FOLDER: the folder your practice history is kept in (default: VS Code's storage for the extension).",
      );
    },
    get options() {
      return [{ id: 'json', kind: 'flag', help: l10n.t('print JSON: {0}', 'attempts, reviews, dueToday, questions [{ id, due, lastRating }], topics…') }] as const;
    },
    async run(args, output) {
      const now = environment();
      const loaded = await loadHistory(folderOf(args.positionals), now, output);
      if (!loaded) return EXIT.usage;
      const days = localDays({ utcOffset: now.utcOffset });
      const stats = computeStats(loaded.history, new Scheduler(), { now: now.now, days });
      output.out(args.flags.has('json') ? `${JSON.stringify(statsJson(stats, loaded.source), null, 2)}\n` : statsText(stats, loaded.source));
      return EXIT.clean;
    },
  };
}

/** `export --csv`: every attempt and review as CSV rows for a spreadsheet. */
export function exportCommand(environment: () => CliEnvironment = machine): CliCommand {
  return {
    id: 'export',
    get summary() {
      return l10n.t('every attempt and review of a history folder as CSV, for spreadsheets');
    },
    usage: 'node dist/cli.js export --csv [HISTORY_FOLDER]',
    get description() {
      return l10n.t(
        "Prints the practice history (read-only) as CSV (RFC 4180; cells that a spreadsheet would read as a formula\nare neutralised). HISTORY_FOLDER: the folder your practice history is kept in (default: VS Code's storage for the extension).",
      );
    },
    get options() {
      return [{ id: 'csv', kind: 'flag', help: l10n.t('CSV, the one export format there is') }] as const;
    },
    async run(args, output) {
      if (!args.flags.has('csv')) throw new UsageError(l10n.t('export needs a format: --csv is the one there is'));
      const now = environment();
      const loaded = await loadHistory(folderOf(args.positionals), now, output);
      if (!loaded) return EXIT.usage;
      output.out(historyCsv(loaded.history, { utcOffset: now.utcOffset }));
      return EXIT.clean;
    },
  };
}

function folderOf(positionals: readonly string[]): string | undefined {
  if (positionals.length > 1) throw new UsageError(l10n.t('one history folder at most, got {0}', positionals.length));
  return positionals[0];
}

interface Loaded {
  history: History;
  source: { folder: string; files: number; legacy?: string; problems: HistoryProblem[] };
}

/** The events of the history folder and, if it was never migrated or is older, of attempts.json, merged in memory. */
async function loadHistory(folder: string | undefined, environment: CliEnvironment, output: CliOutput): Promise<Loaded | undefined> {
  const storage = folder === undefined ? defaultStorageFolder(environment) : undefined;
  const historyFolder = folder ?? path.join(storage as string, DEFAULT_HISTORY_FOLDER_NAME);
  const legacyFile = path.join(storage ?? historyFolder, LEGACY_ATTEMPTS_FILE);
  const [read, legacyText] = await Promise.all([readHistory(new NodeHistoryFiles(historyFolder)), fs.readFile(legacyFile, 'utf8').catch(() => undefined)]);
  if (read.files.length === 0 && legacyText === undefined) {
    const stat = await fs.stat(historyFolder).catch(() => undefined);
    const what = stat ? l10n.t('{0} holds no history files (*.jsonl).', historyFolder) : l10n.t('{0} does not exist.', historyFolder);
    const hint = folder === undefined ? ` ${l10n.t('Pass the folder your history is kept in as an argument.')}` : '';
    output.err(`${what}${hint}\n`);
    return undefined;
  }
  const legacy = legacyText === undefined ? undefined : legacyAttemptEvents(legacyText);
  if (legacy?.problem) output.err(`${legacyFile}: ${legacy.problem}\n`);
  for (const problem of read.problems) output.err(`${path.join(historyFolder, problem.file)}:${problem.line}: ${l10n.t('skipped: {0}', problem.message)}\n`);
  return {
    // Migrated attempts keep their ids, so those already in the folder count once.
    history: new History(legacy ? [...read.events, ...legacy.events] : read.events),
    source: { folder: historyFolder, files: read.files.length, ...(legacy ? { legacy: legacyFile } : {}), problems: read.problems },
  };
}

function statsJson(stats: Stats, source: Loaded['source']): unknown {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    folder: source.folder,
    attempts: stats.totals.attempts,
    reviews: stats.totals.reviews,
    dueToday: stats.dueToday,
    practiceSeconds: stats.totals.practiceSeconds,
    practiceDays: stats.totals.practiceDays,
    streak: stats.streak,
    retention: stats.retention.rate ?? null,
    topics: stats.topics.map((topic) => ({
      topic: topic.topic,
      attempts: topic.attempts,
      reviews: topic.reviews,
      activeSeconds: topic.activeSeconds,
      budgetSeconds: topic.budgetSeconds,
      keyPointCoverage: topic.coverage ?? null,
    })),
    questions: stats.questions.map((question) => ({
      id: question.id,
      topic: question.topic,
      state: question.state,
      due: iso(question.due),
      lastRating: question.lastRating ?? null,
      attempts: question.attempts,
      reviews: question.reviews,
      suspended: question.suspended,
    })),
    skippedLines: source.problems.length,
  };
}

function statsText(stats: Stats, source: Loaded['source']): string {
  const lines: string[] = [];
  const { totals, streak, retention } = stats;
  lines.push(
    source.legacy
      ? plural(l10n.t('History: {1} ({0, plural, one {# file} other {# files}}, and {2})', source.files, source.folder, source.legacy), source.files)
      : plural(l10n.t('History: {1} ({0, plural, one {# file} other {# files}})', source.files, source.folder), source.files),
  );
  lines.push(
    [
      l10n.t('Attempts: {0}', totals.attempts),
      l10n.t('Reviews: {0}', totals.reviews),
      l10n.t('Questions practised: {0}', totals.questions),
      l10n.t('Practice time: {0}', formatDuration(totals.practiceSeconds)),
      l10n.t('Practice days: {0}', totals.practiceDays),
    ].join('   '),
  );
  lines.push(plural(l10n.t('Streak: {0, plural, one {# day} other {# days}} (longest {1, plural, one {# day} other {# days}})'), streak.current, streak.longest));
  lines.push(l10n.t('Due today: {0}', stats.dueToday));
  lines.push(
    retention.rate === undefined
      ? l10n.t('True retention: no reviews yet')
      : plural(l10n.t('True retention: {0}% ({1} of {2, plural, one {# review} other {# reviews}} not rated Again)', Math.round(retention.rate * 100), retention.passed), Math.round(retention.rate * 100), retention.passed, retention.reviews),
  );
  if (stats.topics.length > 0) {
    lines.push('');
    const rows = [[l10n.t('Topic'), l10n.t('Attempts'), l10n.t('Time used / budget'), l10n.t('Reviews'), l10n.t('Key points covered')]];
    for (const topic of stats.topics) {
      const time = topic.budgetSeconds > 0 ? `${formatDuration(topic.activeSeconds)} / ${formatDuration(topic.budgetSeconds)} (${Math.round((topic.activeSeconds / topic.budgetSeconds) * 100)}%)` : formatDuration(topic.activeSeconds);
      rows.push([topic.topic, String(topic.attempts), time, String(topic.reviews), topic.coverage === undefined ? '-' : `${Math.round(topic.coverage * 100)}%`]);
    }
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    for (const row of rows) lines.push(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
