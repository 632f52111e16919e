/**
 * `node dist/cli.js`: the command line (src/cli/main.ts has the commands). The exit code is set, never forced with
 * `process.exit`, so output of any size reaches a pipe whole before the process ends.
 */
import { promises as fs } from 'node:fs';
import { configureCliL10n } from './cli/l10n';
import { runCli } from './cli/main';

// A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

async function readInput(file: string): Promise<Uint8Array> {
  if (file !== '-') return fs.readFile(file);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

configureCliL10n(process.env);
runCli(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readInput,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`interview-dialogues: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
