// Summarises a V8 .cpuprofile (from node --cpu-prof): the functions with the most self time, and inclusive time.
// Usage: node scripts/bench/profile.mjs FILE.cpuprofile [N]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @returns {{ totalMs: number, self: [string, number][], inclusive: [string, number][] }} */
export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sampled = new Map();
  for (let i = 0; i < profile.samples.length; i++) sampled.set(profile.samples[i], (sampled.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const name = (node) => {
    const frame = node.callFrame;
    const where = frame.url ? ` ${path.basename(frame.url)}:${frame.lineNumber + 1}` : '';
    const label = `${frame.functionName || '(anonymous)'}${where}`;
    return label.length > 140 ? `${label.slice(0, 139)}…` : label;
  };
  const self = new Map();
  const inclusive = new Map();
  let totalMs = 0;
  for (const node of profile.nodes) {
    const ms = sampled.get(node.id) ?? 0;
    if (ms === 0) continue;
    totalMs += ms;
    self.set(name(node), (self.get(name(node)) ?? 0) + ms);
    const counted = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const key = name(byId.get(id));
      if (counted.has(key)) continue;
      counted.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs, self: sorted(self), inclusive: sorted(inclusive) };
}

export function formatProfile(summary) {
  const line = ([key, ms]) => `${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%  ${key}`;
  return [`total sampled ${summary.totalMs.toFixed(0)} ms`, 'self time:', ...summary.self.map(line), 'inclusive time:', ...summary.inclusive.map(line)].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatProfile(summarizeProfile(process.argv[2], Number(process.argv[3] ?? 25))));
}
