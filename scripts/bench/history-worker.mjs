// The practice history at scale, in a fresh process (run with --expose-gc, so each measurement starts clean).
// Usage: node --expose-gc scripts/bench/history-worker.mjs [JSON]   where JSON may hold
//   { core: '<bench bundle .cjs>', folder: '<scratch folder>', reviews: 100000, attempts: false, reps: 7 }
// Without `core` it bundles the history modules itself (esbuild, as the extension bundles them); without `folder`
// it uses a temporary one and removes it. It writes `reviews` review events (with `attempts`, an attempt before
// each, as the extension records them) over 2,000 questions, 3 years and 12 writer files, made by the real
// scheduler so each review carries its card, then prints one JSON line:
//   rebuild     a load without a checkpoint: read every file, parse, merge, index by question (no budget: once)
//   checkpoint  writing the checkpoint that load leaves (no budget: a second after such a load)
//   load        a load with the checkpoint present: read it and the logs, check the covered bytes (budget 200 ms)
//   dueQueueMs  the due queue for today over the library, cards computed from the history (budget 50 ms)
//   statsMs     computeStats over the whole history, with its own cards (budget 100 ms)
//   replayMs    the queue after a settings change, every card replayed from its reviews (no budget: once per change)
//   tail        what another window appended (one review) read after the load, as the extension does on every
//               change in the folder (no budget; it runs after each rating)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = { reviews: 100_000, attempts: false, reps: 7, ...(process.argv[2] ? JSON.parse(process.argv[2]) : {}) };
const require = createRequire(import.meta.url);
const QUESTIONS = 2_000;
const WRITERS = 12;
const DAY = 86_400_000;
const BUDGET = { loadMs: 200, dueQueueMs: 50, statsMs: 100 };
const CHECKPOINT = 'checkpoint-bench.json';
/** Ten-character writer ids, as `newWriterId` makes them. */
const WRITER_IDS = Array.from({ length: WRITERS }, (_, w) => `k3j4h5g6${w.toString(36).padStart(2, '0')}`);

if (typeof globalThis.gc !== 'function') {
  // Re-run with the flag rather than fail: `node scripts/bench/history-worker.mjs` just works.
  const again = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (n) => Math.round(n * 10) / 10;

async function bundle(tmp) {
  const esbuild = await import('esbuild');
  const outfile = path.join(tmp, 'history-core.cjs');
  await esbuild.build({
    stdin: {
      contents: [
        "export { loadHistory } from './src/core/history/checkpoint';",
        "export { History } from './src/core/history/history';",
        "export { Scheduler } from './src/core/review/scheduler';",
        "export { localDays } from './src/core/review/days';",
        "export { computeStats } from './src/core/review/stats';",
        "export { NodeHistoryFiles } from './src/node/historyFiles';",
        "export { LogTails } from './src/core/history/tails';",
      ].join('\n'),
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** A deterministic pseudo-random sequence, so every run measures the same history. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Writes the history through the real scheduler, one file per writer, and returns its size. */
async function generate(core, folder, now) {
  const next = random(42);
  const scheduler = new core.Scheduler();
  const history = new core.History();
  const files = Array.from({ length: WRITERS }, () => []);
  const start = now - 3 * 365 * DAY;
  const step = (3 * 365 * DAY) / args.reviews;
  const ratings = ['again', 'hard', 'good', 'good', 'good', 'easy'];
  const sequence = new Array(WRITERS).fill(0);
  for (let i = 0; i < args.reviews; i++) {
    const at = Math.round(start + i * step);
    const question = `dialogue-${(i * 7919) % QUESTIONS}#q${1 + (i % 3)}`;
    const writer = Math.floor(next() * WRITERS);
    const id = () => `${WRITER_IDS[writer]}.${(++sequence[writer]).toString(36)}`;
    const design = i % 4 === 0;
    let attempt;
    if (args.attempts) {
      const activeSeconds = Math.round((design ? 1800 : 300) * (0.6 + next() * 0.8));
      const event = { v: 1, id: id(), at: at - 1, type: 'attempt', question, dialogue: question.split('#')[0], prompt: 'How would you shard the write path of this system?', topic: design ? 'System design' : 'Databases', startedAt: at - 1 - activeSeconds * 1000, activeSeconds, budgetSeconds: design ? 1800 : 300, overtimeSeconds: 0, wordCount: 400, draft: `/drafts/${question.replace('#', '-')}-${i}.md` };
      history.add(event);
      files[writer].push(JSON.stringify(event));
      attempt = event.id;
    }
    const keyPoints = Array.from({ length: 5 }, () => ['covered', 'partly', 'missed'][Math.floor(next() * 3)]);
    const rubric = design ? { kind: 'design', scores: { requirements: 3, highLevelDesign: 3, deepDives: 2, tradeOffs: 3, communication: 4 } } : undefined;
    const rating = ratings[Math.floor(next() * ratings.length)];
    const body = scheduler.rate(history.question(question), question, rating, at, { attempt, proposed: rating, keyPoints, rubric });
    const event = { v: 1, id: id(), at: body.at, ...body }; // the header first, as HistoryWriter writes it
    history.add(event);
    files[writer].push(JSON.stringify(event));
  }
  await fs.mkdir(folder, { recursive: true });
  let bytes = 0;
  for (let w = 0; w < WRITERS; w++) {
    const text = files[w].map((line) => `${line}\n`).join('');
    bytes += Buffer.byteLength(text);
    await fs.writeFile(path.join(folder, `events-20240101T000000Z-${WRITER_IDS[w]}.jsonl`), text);
  }
  // Another review as the first writer's next line: what the tail read finds appended.
  const last = JSON.parse(files[0].at(-1));
  const appended = JSON.stringify({ ...last, id: `${WRITER_IDS[0]}.${(++sequence[0]).toString(36)}` });
  return { bytes, lines: files.reduce((sum, lines) => sum + lines.length, 0), appended };
}

/** Wall time and CPU time (user + system) of `work`: on a shared machine the wall time also holds other processes' turns. */
async function measure(work) {
  globalThis.gc();
  globalThis.gc();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** How fast this machine parses JSON right now (MB/s), to read the figures against: they scale with it. */
async function calibration(folder) {
  const names = (await fs.readdir(folder)).filter((name) => name.endsWith('.jsonl'));
  const texts = await Promise.all(names.map((name) => fs.readFile(path.join(folder, name), 'utf8')));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const run = await measure(() => {
    for (const text of texts) for (const line of text.split('\n')) if (line) JSON.parse(line);
  });
  return round(bytes / 1024 / 1024 / (run.cpuMs / 1000));
}

/** The figures with budgets, for a person (stderr; stdout keeps the one JSON line for scripts). */
function table(result) {
  const rows = [
    ['load with the checkpoint', result.load, BUDGET.loadMs],
    ['load without it (read, parse, merge, index)', result.rebuild],
    ['checkpoint written after that', result.checkpoint],
    ['due queue, cards computed from the history', result.dueQueue, BUDGET.dueQueueMs],
    ['due queue, scheduler warm', result.dueQueueWarm],
    ['stats, cards computed from the history', result.stats, BUDGET.statsMs],
    ['stats, scheduler warm', result.statsWarm],
    ['replay of every card (settings changed)', result.replay],
    ['read of one appended review (another window)', result.tail],
  ];
  const lines = rows.map(([name, figure, budget]) => {
    const met = budget === undefined ? '' : figure.cpuMs <= budget ? 'yes' : 'NO';
    return `${name.padEnd(44)} | ${`${figure.cpuMs} ms CPU, ${figure.ms} ms wall`.padEnd(28)} | ${(budget === undefined ? '' : `≤ ${budget} ms`).padEnd(9)} | ${met}`;
  });
  const head = `${result.reviews.toLocaleString('en-US')} reviews, ${result.lines.toLocaleString('en-US')} lines, ${result.files} files, ${result.megabytes} MB (checkpoint ${result.checkpointMegabytes} MB); medians of ${args.reps} runs; JSON.parse at ${result.jsonParseMBperS} MB/s; load average ${result.loadAverage.join(' ')}`;
  return `${head}\n${lines.join('\n')}\n`;
}

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-history-bench-'));
try {
  const core = require(args.core ?? (await bundle(tmp)));
  const folder = args.folder ?? path.join(tmp, 'history');
  const now = Date.UTC(2027, 0, 1, 12);
  const generated = await generate(core, folder, now);
  const days = core.localDays({ utcOffset: () => 60 });
  const library = Array.from({ length: QUESTIONS }, (_, i) => [1, 2, 3].map((n) => `dialogue-${i}#q${n}`)).flat();
  const lookup = (id) => ({ topic: Number(id.slice(9, id.indexOf('#'))) % 4 === 0 ? 'System design' : 'Databases' });
  const files = new core.NodeHistoryFiles(folder);

  const runs = { load: [], rebuild: [], checkpoint: [], dueQueue: [], dueQueueWarm: [], stats: [], statsWarm: [], replay: [], tail: [] };
  const loaded = (value, rebuilt) => {
    if (value.history.reviewCount !== args.reviews) throw new Error(`read ${value.history.reviewCount} reviews, wrote ${args.reviews}`);
    if ((value.rebuilt !== undefined) !== rebuilt) throw new Error(`expected a load ${rebuilt ? 'without' : 'with'} the checkpoint, got ${value.rebuilt}`);
    return value;
  };
  /** The figures of a run, without its value: a history kept from one measurement would weigh on the next one's GC. */
  const timing = ({ ms, cpuMs }) => ({ ms, cpuMs });
  /** The full read and the checkpoint it leaves; that history is dropped before the load with the checkpoint. */
  const rebuildAndSave = async () => {
    await fs.rm(path.join(folder, CHECKPOINT), { force: true });
    const rebuild = await measure(() => core.loadHistory(files, CHECKPOINT));
    const written = loaded(rebuild.value, true);
    return { rebuild: timing(rebuild), checkpoint: timing(await measure(() => written.saveCheckpoint())) };
  };
  /** One review appended to the first writer's log, read from the marks the load left; then the log is cut back. */
  const measureTail = async (marks) => {
    const log = path.join(folder, `events-20240101T000000Z-${WRITER_IDS[0]}.jsonl`);
    const { size } = await fs.stat(log);
    await fs.appendFile(log, `${generated.appended}\n`);
    const tail = await measure(() => new core.LogTails(files, marks).read());
    await fs.truncate(log, size);
    if (tail.value?.events.length !== 1) throw new Error(`the tail read found ${tail.value ? tail.value.events.length : 'a replaced log, not one appended review'}`);
    return timing(tail);
  };
  let summary;
  for (let rep = 0; rep < args.reps; rep++) {
    const rebuilt = await rebuildAndSave();
    runs.rebuild.push(rebuilt.rebuild);
    runs.checkpoint.push(rebuilt.checkpoint);
    const load = await measure(() => core.loadHistory(files, CHECKPOINT));
    runs.load.push(timing(load));
    const { history, marks } = loaded(load.value, false);
    runs.tail.push(await measureTail(marks));
    const scheduler = new core.Scheduler();
    const queue = await measure(() => scheduler.queue(history, { now, days, library }));
    runs.dueQueue.push(timing(queue));
    runs.dueQueueWarm.push(timing(await measure(() => scheduler.queue(history, { now, days, library }))));
    const computed = await measure(() => core.computeStats(history, new core.Scheduler(), { now, days, library, lookup }));
    runs.stats.push(timing(computed));
    runs.statsWarm.push(timing(await measure(() => core.computeStats(history, scheduler, { now, days, library, lookup }))));
    if (rep < 2) runs.replay.push(timing(await measure(() => new core.Scheduler({ desiredRetention: 0.85 }).queue(history, { now, days, library }))));
    summary ??= { due: queue.value.due.length, new: queue.value.new.length, retention: round(computed.value.retention.rate * 100), questions: computed.value.questions.length };
  }
  const figures = Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, { ms: round(median(list.map((r) => r.ms))), cpuMs: round(median(list.map((r) => r.cpuMs))), runsMs: list.map((r) => round(r.ms)) }]));
  const result = {
    reviews: args.reviews,
    lines: generated.lines,
    files: WRITERS,
    megabytes: round(generated.bytes / 1024 / 1024),
    checkpointMegabytes: round((await fs.stat(path.join(folder, CHECKPOINT))).size / 1024 / 1024),
    // Medians; `dueQueue` and `stats` compute every card from the history, the `Warm` ones reuse the scheduler's.
    ...figures,
    jsonParseMBperS: await calibration(folder),
    loadAverage: os.loadavg().map(round),
    budget: BUDGET,
    summary,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stderr.write(table(result));
} finally {
  await fs.rm(tmp, { recursive: true, force: true }); // a given `folder` is kept
}
