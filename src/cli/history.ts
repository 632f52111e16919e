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

const FOLDER_HELP = 'HISTORY_FOLDER: the folder your practice history is kept in (default: VS Code\'s storage for the extension).';

/** `stats`: totals, streak, due today and per-topic coverage; `--json` for programs. */
export function statsCommand(environment: () => CliEnvironment = machine): CliCommand {
  return {
    name: 'stats',
    summary: 'practice statistics from a history folder: totals, due today, per-topic coverage',
    usage: 'usage: node dist/cli.js stats [--json] [HISTORY_FOLDER]',
    description: `Reads the practice history (read-only) and prints totals, the streak, what is due today and, per topic, time\nused against budget and key-point coverage. ${FOLDER_HELP}`,
    options: [{ name: 'json', kind: 'flag', help: 'print JSON: attempts, reviews, dueToday, questions [{ id, due, lastRating }], topics…' }],
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
    name: 'export',
    summary: 'every attempt and review of a history folder as CSV, for spreadsheets',
    usage: 'usage: node dist/cli.js export --csv [HISTORY_FOLDER]',
    description: `Prints the practice history (read-only) as CSV (RFC 4180; cells that a spreadsheet would read as a formula\nare neutralised). ${FOLDER_HELP}`,
    options: [{ name: 'csv', kind: 'flag', help: 'CSV, the one export format there is' }],
    async run(args, output) {
      if (!args.flags.has('csv')) throw new UsageError('export needs a format: --csv is the one there is');
      const now = environment();
      const loaded = await loadHistory(folderOf(args.positionals), now, output);
      if (!loaded) return EXIT.usage;
      output.out(historyCsv(loaded.history, { utcOffset: now.utcOffset }));
      return EXIT.clean;
    },
  };
}

function folderOf(positionals: readonly string[]): string | undefined {
  if (positionals.length > 1) throw new UsageError(`one history folder at most, got ${positionals.length}`);
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
    const what = stat ? 'holds no history files (*.jsonl)' : 'does not exist';
    const hint = folder === undefined ? ' Pass the folder your history is kept in as an argument.' : '';
    output.err(`${historyFolder} ${what}.${hint}\n`);
    return undefined;
  }
  const legacy = legacyText === undefined ? undefined : legacyAttemptEvents(legacyText);
  if (legacy?.problem) output.err(`${legacyFile}: ${legacy.problem}\n`);
  for (const problem of read.problems) output.err(`${path.join(historyFolder, problem.file)}:${problem.line}: skipped: ${problem.message}\n`);
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
  lines.push(`History: ${source.folder} (${source.files} file${source.files === 1 ? '' : 's'}${source.legacy ? `, and ${source.legacy}` : ''})`);
  lines.push(`Attempts: ${totals.attempts}   Reviews: ${totals.reviews}   Questions practised: ${totals.questions}   Practice time: ${formatDuration(totals.practiceSeconds)}   Practice days: ${totals.practiceDays}`);
  lines.push(`Streak: ${plural(streak.current, 'day')} (longest ${plural(streak.longest, 'day')})`);
  lines.push(`Due today: ${stats.dueToday}`);
  lines.push(`True retention: ${retention.rate === undefined ? 'no reviews yet' : `${Math.round(retention.rate * 100)}% (${retention.passed} of ${retention.reviews} reviews not rated Again)`}`);
  if (stats.topics.length > 0) {
    lines.push('');
    const rows = [['Topic', 'Attempts', 'Time used / budget', 'Reviews', 'Key points covered']];
    for (const topic of stats.topics) {
      const time = topic.budgetSeconds > 0 ? `${formatDuration(topic.activeSeconds)} / ${formatDuration(topic.budgetSeconds)} (${Math.round((topic.activeSeconds / topic.budgetSeconds) * 100)}%)` : formatDuration(topic.activeSeconds);
      rows.push([topic.topic, String(topic.attempts), time, String(topic.reviews), topic.coverage === undefined ? '-' : `${Math.round(topic.coverage * 100)}%`]);
    }
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    for (const row of rows) lines.push(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
