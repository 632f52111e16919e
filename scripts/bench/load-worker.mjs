// One measurement in a fresh process (run with --expose-gc, so memory figures start clean).
// Usage: node --expose-gc scripts/bench/load-worker.mjs JSON   where JSON is
//   { task: 'ours' | 'naive', core: '<bench bundle .cjs>', root: '<library folder>', reps: n, warmReps: n }
//   { task: 'open', core, small: '<file>', large: '<file>', reps: n }
// Prints one JSON line with the figures on stdout.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';

const args = JSON.parse(process.argv[2]);
const require = createRequire(import.meta.url);
const core = require(args.core);
const MB = 1024 * 1024;

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
/** Time spent in the collections forced here, so a CPU profile's garbage collector share can be read without it. */
let forcedGcMs = 0;
const gc = () => {
  const started = performance.now();
  globalThis.gc();
  globalThis.gc();
  forcedGcMs += performance.now() - started;
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Watches the event loop and memory while `work` runs: the longest gap between two turns of a 1 ms interval
 * (how long the loop was blocked, GC pauses included) and the highest heapUsed / rss seen.
 */
async function observe(work) {
  gc();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  let last = performance.now();
  let maxGap = 0;
  let ticks = 0;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.rss > peakRss) peakRss = m.rss;
  };
  const probe = setInterval(() => {
    const now = performance.now();
    if (now - last > maxGap) maxGap = now - last;
    last = now;
    if (++ticks % 5 === 0) sample();
  }, 1);
  const started = performance.now();
  last = started;
  let value;
  let ended;
  try {
    value = await work();
  } finally {
    ended = performance.now();
    clearInterval(probe);
  }
  if (ended - last > maxGap) maxGap = ended - last; // the stretch after the probe's last turn
  sample();
  const ms = ended - started;
  return { ms, value, maxGapMs: maxGap, heapBeforeMB: before.heapUsed / MB, peakHeapMB: peakHeap / MB, peakRssMB: peakRss / MB };
}

/** Heap still in use once garbage is collected, while `keep` is alive (what the library costs to hold). */
function retainedMB(keep) {
  gc();
  const used = process.memoryUsage().heapUsed;
  void keep;
  return used / MB;
}

async function ours() {
  const source = { id: 'bench', label: 'Benchmark library', root: args.root };
  const cold = [];
  const warm = [];
  let first;
  for (let rep = 0; rep < args.reps; rep++) {
    const loader = new core.LibraryLoader(core.nodeDialogueFileSystem, { indexOnly: true });
    const run = await observe(() => loader.load([source]));
    const report = run.value;
    if (report.library.diagnostics.length > 0) throw new Error(`the generated library has problems: ${report.library.diagnostics[0].message}`);
    cold.push(run);
    const retained = retainedMB(report);
    for (let w = 0; w < args.warmReps; w++) {
      const again = await observe(() => loader.load([source]));
      if (again.value.parsed !== 0) throw new Error(`a warm load re-parsed ${again.value.parsed} files`);
      warm.push(again);
    }
    if (rep === 0) first = { dialogues: report.library.dialogues.length, files: report.files, retainedHeapMB: retained, heapBeforeMB: run.heapBeforeMB };
  }
  return summary(first, cold, warm);
}

/**
 * The naive way: read every file and fully parse it at load time, front matter with `yaml`, the body with
 * marked's lexer, keeping the parsed tokens (the whole model) for the player, and a small index for the tree.
 */
async function naive() {
  const { marked } = require('marked');
  const YAML = require('yaml');
  const load = async (root) => {
    const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => path.join(e.parentPath ?? e.path, e.name)).sort();
    const dialogues = [];
    for (const file of files) {
      const text = await fs.readFile(file, 'utf8');
      let body = text;
      let meta = {};
      if (text.startsWith('---\n')) {
        const end = text.indexOf('\n---\n', 4);
        meta = YAML.parse(text.slice(4, end)) ?? {};
        body = text.slice(end + 5);
      }
      const tokens = marked.lexer(body);
      let current;
      for (const token of tokens) {
        if (token.type === 'heading' && token.depth === 2) {
          current = { title: token.text, topic: meta.topic, file, tokens: [] };
          dialogues.push(current);
        } else if (current) {
          current.tokens.push(token);
          if (token.type === 'list') {
            for (const item of token.items) {
              const m = /^\*\*(Level|Tags|Id):\*\*\s*(.*)$/.exec(item.text);
              if (m) current[m[1].toLowerCase()] = m[2];
            }
          }
        }
      }
    }
    return { dialogues, files: files.length };
  };
  const cold = [];
  let first;
  for (let rep = 0; rep < args.reps; rep++) {
    const run = await observe(() => load(args.root));
    cold.push(run);
    const retained = retainedMB(run.value);
    if (rep === 0) first = { dialogues: run.value.dialogues.length, files: run.value.files, retainedHeapMB: retained, heapBeforeMB: run.heapBeforeMB };
  }
  return summary(first, cold, []);
}

function summary(first, cold, warm) {
  const pick = (runs) => runs.length === 0 ? undefined : {
    ms: median(runs.map((r) => r.ms)),
    runsMs: runs.map((r) => Math.round(r.ms * 10) / 10),
    maxGapMs: Math.max(...runs.map((r) => r.maxGapMs)),
    peakHeapMB: Math.max(...runs.map((r) => r.peakHeapMB)),
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
  };
  return { ...first, cold: pick(cold), warm: pick(warm), forcedGcMs };
}

/** Opening one dialogue: the player asks the loader for the whole dialogue behind an index entry. */
async function open() {
  const out = {};
  for (const [name, file] of [['small', args.small], ['large', args.large]]) {
    const loader = new core.LibraryLoader(core.nodeDialogueFileSystem, { indexOnly: true });
    const report = await loader.load([{ id: 'bench', label: 'Benchmark', root: path.dirname(file), files: [file] }]);
    const entry = report.library.dialogues[0];
    const bytes = (await fs.stat(file)).size;
    const bytesOnDisk = await fs.readFile(file);
    const full = [];
    const parse = [];
    for (let rep = 0; rep < args.reps; rep++) {
      let t = performance.now();
      const dialogue = await loader.full(entry);
      full.push(performance.now() - t);
      if (!dialogue || dialogue.partial) throw new Error('full() did not return the whole dialogue');
      t = performance.now();
      core.loadDialogueBytes(bytesOnDisk, file);
      parse.push(performance.now() - t);
      out[name] = { bytes, turns: dialogue.turns.length };
    }
    out[name].fullMs = median(full);
    out[name].parseMs = median(parse);
    out[name].firstFullMs = full[0];
  }
  return out;
}

const tasks = { ours, naive, open };
const result = await tasks[args.task]();
process.stdout.write(`${JSON.stringify(result)}\n`);
