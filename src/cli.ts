/**
 * `node dist/cli.js validate [--json] PATH...`: checks dialogue files with the extension's own parser.
 * Prints `path:line:col: severity: message` per problem and a summary; exits 1 when any error was found.
 */
import { promises as fs } from 'node:fs';
import { Library } from './core/library';
import { loadDialogueBytes, fileProblem } from './core/load';
import type { Diagnostic, ParseResult } from './core/model';
import { describe, listMarkdownFiles } from './node/nodeFiles';

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
  const results: ParseResult[] = [];
  const files = await listMarkdownFiles(paths, (file, message) => results.push(fileProblem(file, `cannot read: ${message}`)));
  for (const file of files) {
    try {
      results.push(loadDialogueBytes(await fs.readFile(file), file));
    } catch (error) {
      results.push(fileProblem(file, `cannot read: ${describe(error)}`));
    }
  }
  const library = new Library(results);
  const diagnostics = [...library.diagnostics].sort(byPosition);
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
    process.stdout.write(`${files.length} file(s), ${library.dialogues.length} dialogue(s), ${questions} question(s): ${errors} error(s), ${warnings} warning(s)\n`);
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
