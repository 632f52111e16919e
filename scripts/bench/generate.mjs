// Generates dialogue libraries that look like the shipped ones, for the benchmark (never committed).
// Deterministic: the same size always gives the same files, so runs are comparable.
import fs from 'node:fs/promises';
import path from 'node:path';

export const DIALOGUES_PER_FILE = 20;
const FILES_PER_FOLDER = 50;

const TOPICS = ['System design', 'Databases', 'Reliability', 'Scaling', 'Security', 'Leadership', 'Performance', 'Architecture', 'Career', 'Collaboration'];
const LEVELS = ['junior', 'mid', 'senior', 'staff', 'principal'];
const TAGS = ['caching', 'sharding', 'replication', 'queues', 'consistency', 'latency', 'observability', 'migration', 'rate-limiting', 'idempotency', 'indexes', 'incidents', 'hiring', 'mentoring', 'api-design', 'backpressure'];
const WORDS = ('the a we I it that this service cache database shard replica queue request latency p99 throughput budget team owner '
  + 'deploy rollback flag migration index write read partition leader follower quorum retry timeout backoff client server '
  + 'region failover incident alert metric trace log schema contract version consumer producer batch stream window '
  + 'would should because then so but and or if when while first measure cost trade-off risk choose keep move split '
  + 'users traffic peak load storage memory CPU disk network gateway proxy limit token bucket key hash ring node').split(' ');
const CODE = ['`SELECT ... FOR UPDATE`', '`Cache-Control: max-age=60`', '`idempotency-key`', '`O(log n)`', '`429 Too Many Requests`', '`p99 < 200 ms`'];

/** A small seeded generator (mulberry32), so every run writes the same library (and the same seeded history). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(rand, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.015) out.push(CODE[Math.floor(rand() * CODE.length)]);
    else if (r < 0.03) out.push(`**${WORDS[Math.floor(rand() * WORDS.length)]}**`);
    else out.push(WORDS[Math.floor(rand() * WORDS.length)]);
  }
  return out;
}

function sentences(rand, count) {
  const parts = [];
  let left = count;
  while (left > 0) {
    const n = Math.min(left, 8 + Math.floor(rand() * 14));
    const w = words(rand, n);
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    parts.push(`${w.join(' ')}.`);
    left -= n;
  }
  return parts.join(' ');
}

/** One candidate answer: a few paragraphs, sometimes a list, about `total` words. */
function answer(rand, total) {
  const paragraphs = [];
  let left = total;
  while (left > 0) {
    const n = Math.min(left, 40 + Math.floor(rand() * 50));
    if (rand() < 0.3) {
      const items = 3 + Math.floor(rand() * 3);
      const per = Math.max(6, Math.floor(n / items));
      const numbered = rand() < 0.5;
      paragraphs.push(Array.from({ length: items }, (_, i) => `${numbered ? `${i + 1}.` : '-'} ${sentences(rand, per)}`).join('\n'));
    } else {
      paragraphs.push(sentences(rand, n));
    }
    left -= n;
  }
  return paragraphs;
}

function turn(speaker, paragraphs, quoted) {
  const first = `**${speaker}:** "${paragraphs[0]}`;
  const lines = [first];
  for (const paragraph of paragraphs.slice(1)) lines.push('', paragraph);
  lines[lines.length - 1] += '"';
  const text = lines.join('\n');
  return quoted ? text.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n') : text;
}

/**
 * One dialogue of about `bytes` bytes (3 question/answer pairs give the usual 3-5 KB). More pairs make it longer;
 * stages (`###`) are added when there are more than 3, as the mock interviews have.
 */
export function dialogue(rand, index, { pairs = 3, quoted = rand() < 0.5 } = {}) {
  const title = `${sentences(rand, 4 + Math.floor(rand() * 4)).replace(/[.*`]/g, '')} ${index}`;
  const tags = Array.from(new Set(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => TAGS[Math.floor(rand() * TAGS.length)])));
  const out = [
    `## ${title}`,
    '',
    `- **Level:** ${LEVELS[Math.floor(rand() * LEVELS.length)]}`,
    `- **Tags:** ${tags.join(', ')}`,
    `- **Id:** generated-${index}`,
    '',
  ];
  for (let pair = 0; pair < pairs; pair++) {
    if (pairs > 3 && pair % 3 === 0) out.push(`### Stage ${pair / 3 + 1}: ${sentences(rand, 3).replace(/[.*`]/g, '')}`, '');
    out.push(turn('Interviewer', [sentences(rand, 25 + Math.floor(rand() * 25))], quoted), quoted ? '>' : '');
    out.push(turn('Candidate', answer(rand, 100 + Math.floor(rand() * 80)), quoted), '');
    out.push(`**Time:** ${5 + Math.floor(rand() * 20)} min`, '**Key points:**');
    for (let k = 0; k < 3 + Math.floor(rand() * 2); k++) out.push(`- ${sentences(rand, 6 + Math.floor(rand() * 8))}`);
    out.push('');
  }
  return out.join('\n');
}

/** A whole file: front matter, a `#` introduction, `count` dialogues separated by `---`, and closing tips. */
export function dialogueFile(seed, firstIndex, count) {
  const rand = random(seed);
  const topic = TOPICS[seed % TOPICS.length];
  const parts = [`---\ntopic: ${topic}\n---\n\n# ${topic}\n\n${sentences(rand, 40)}\n`];
  for (let i = 0; i < count; i++) parts.push(dialogue(rand, firstIndex + i));
  parts.push(`# Tips\n\n${sentences(rand, 60)}\n`);
  return parts.join('\n---\n\n');
}

/**
 * Writes a library of `dialogues` dialogues (20 per file, 50 files per folder) into `root`.
 * @returns {Promise<{ files: number, bytes: number }>}
 */
export async function generateLibrary(root, dialogues) {
  await fs.mkdir(root, { recursive: true });
  const files = Math.ceil(dialogues / DIALOGUES_PER_FILE);
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const folder = path.join(root, `pack-${String(Math.floor(f / FILES_PER_FOLDER)).padStart(3, '0')}`);
    if (f % FILES_PER_FOLDER === 0) await fs.mkdir(folder, { recursive: true });
    const count = Math.min(DIALOGUES_PER_FILE, dialogues - f * DIALOGUES_PER_FILE);
    const text = dialogueFile(f + 1, f * DIALOGUES_PER_FILE + 1, count);
    bytes += Buffer.byteLength(text);
    await fs.writeFile(path.join(folder, `topic-${String(f).padStart(5, '0')}.md`), text);
  }
  return { files, bytes };
}

/** A file holding one dialogue of roughly `targetBytes` (the 5 KB and 500 KB cases of "open one dialogue"). */
export async function generateSingle(file, targetBytes, seed = 7) {
  let pairs = 3;
  let text = '';
  for (;;) {
    text = `---\ntopic: System design\n---\n\n${dialogue(random(seed), 1, { pairs, quoted: true })}`;
    const size = Buffer.byteLength(text);
    if (size >= targetBytes * 0.95 || pairs > 10_000) break;
    pairs = Math.max(pairs + 1, Math.floor((pairs * targetBytes) / size));
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
  return Buffer.byteLength(text);
}
