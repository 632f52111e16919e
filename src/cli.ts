/**
 * `node dist/cli.js validate [--json] PATH...`: checks dialogue files with the extension's own parser.
 * Prints `path:line:col: severity: message` per problem and a summary; exits 1 when any error was found.
 */
import { promises as fs } from 'node:fs';
import { type DialogueSource, LibraryLoader } from './core/libraryLoader';
import type { Diagnostic } from './core/model';
import { describe, nodeDialogueFileSystem } from './node/nodeFiles';

const USAGE = 'usage: node dist/cli.js validate [--json] PATH...\n  PATH: dialogue files or folders (searched for *.md)';

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'validate') {
    process.stderr.write(`${USAGE}\n`);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const json = rest.includes('--json');
  const paths = rest.filter((arg) => arg !== '--json');
  if (paths.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const sources: DialogueSource[] = [];
  const missing: Diagnostic[] = [];
  for (const input of paths) {
    const stat = await fs.stat(input).catch((error: unknown) => error as Error);
    if (stat instanceof Error) missing.push({ file: input, line: 1, column: 1, severity: 'error', message: `cannot read: ${describe(stat)}` });
    else sources.push(stat.isDirectory() ? { id: input, label: input, root: input } : { id: input, label: input, root: input, files: [input] });
  }
  const report = await new LibraryLoader(nodeDialogueFileSystem).load(sources);
  const library = report.library;
  for (const problem of report.problems) missing.push({ file: problem.source.root, line: 1, column: 1, severity: 'error', message: problem.message });
  const diagnostics = [...missing, ...library.diagnostics].sort(byPosition);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (json) {
    process.stdout.write(`${JSON.stringify({
      dialogues: library.dialogues.map((d) => ({
        id: d.id,
        title: d.title,
        topic: d.topic,
        level: d.level,
        file: d.file,
        turns: d.turns.map((t) => ({ speaker: t.speaker, text: t.text })),
      })),
      diagnostics: diagnostics.map(({ file, line, column, severity, message }) => ({ file, line, column, severity, message })),
    }, null, 2)}\n`);
  } else {
    for (const d of diagnostics) process.stdout.write(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n`);
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const questions = library.dialogues.reduce((sum, d) => sum + d.questions.length, 0);
    process.stdout.write(`${report.files} file(s), ${library.dialogues.length} dialogue(s), ${questions} question(s): ${errors} error(s), ${warnings} warning(s)\n`);
  }
  return errors > 0 ? 1 : 0;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`validate failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
