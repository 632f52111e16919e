/** `validate [options] PATH...`: checks dialogue files and folders with the extension's own loader and parser. */
import * as l10n from '@vscode/l10n';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type DialogueSource, LibraryLoader } from '../core/libraryLoader';
import type { Diagnostic } from '../core/model';
import { describe, nodeDialogueFileSystem } from '../node/nodeFiles';
import { UsageError, type ParsedArgs } from './args';
import { type CliCommand, EXIT } from './command';
import { type Format, formatFindings, FORMATS } from './report';

/** How to raise the limit, in the message about a file over it. */
const LIMIT_HINT = '--max-file-size BYTES';

export const validateCommand: CliCommand = {
  id: 'validate',
  get summary() {
    return l10n.t('check dialogue files and folders (searched for *.md) and print every problem');
  },
  usage: 'node dist/cli.js validate [--format text|json|github] [--exclude GLOB]... [--max-file-size BYTES] PATH...',
  get description() {
    return l10n.t(
      'Checks dialogue files with the parser the extension uses. Text output is one `path:line:col: severity: message`\nline per problem and a summary (the `interview-dialogues` problem matcher reads it); `github` prints workflow\nannotations that mark the lines in a pull request; `json` prints the dialogues and the problems.',
    );
  },
  get options() {
    return [
      { id: 'format', kind: 'value', value: FORMATS.join('|'), help: l10n.t('output format (default text)') },
      { id: 'json', kind: 'flag', help: l10n.t('the same as --format json') },
      { id: 'exclude', kind: 'list', value: 'GLOB', help: l10n.t('skip files and folders that match, relative to each PATH (README.md, drafts/**); repeatable') },
      { id: 'max-file-size', kind: 'value', value: 'BYTES', help: l10n.t('skip larger files with one error (default 1048576)') },
    ] as const;
  },
  async run(args, output) {
    const format = formatOf(args);
    const maxBytes = maxFileSize(args);
    if (args.positionals.length === 0) throw new UsageError(l10n.t('give at least one PATH'));
    const exclude = args.lists.get('exclude') ?? [];
    const sources: DialogueSource[] = [];
    const unreadable: Diagnostic[] = [];
    for (const input of args.positionals) {
      const stat = await fs.stat(input).catch((error: unknown) => error as Error);
      if (stat instanceof Error) unreadable.push({ file: input, line: 1, column: 1, severity: 'error', message: l10n.t('cannot read: {0}', describe(stat)) });
      else if (stat.isDirectory()) sources.push({ id: input, label: input, root: input, exclude });
      else sources.push({ id: input, label: input, root: path.dirname(input), files: [input], exclude });
    }
    const report = await new LibraryLoader(nodeDialogueFileSystem, { maxBytes, limitHint: LIMIT_HINT }).load(sources);
    for (const problem of report.problems) unreadable.push({ file: problem.source.root, line: 1, column: 1, severity: 'error', message: problem.message });
    const diagnostics = [...unreadable, ...report.library.diagnostics].sort(byPosition);
    output.out(formatFindings(format, { files: report.files, library: report.library, diagnostics }, relativeToWorkingFolder));
    if (unreadable.length > 0) return EXIT.usage;
    return diagnostics.some((d) => d.severity === 'error') ? EXIT.errors : EXIT.clean;
  },
};

function formatOf(args: ParsedArgs): Format {
  const value = args.values.get('format') ?? (args.flags.has('json') ? 'json' : 'text');
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(l10n.t('--format must be {0}, not `{1}`', FORMATS.join(', '), value));
  if (args.flags.has('json') && value !== 'json') throw new UsageError(l10n.t('--json and --format disagree'));
  return value as Format;
}

function maxFileSize(args: ParsedArgs): number | undefined {
  const value = args.values.get('max-file-size');
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value) || Number(value) < 1) throw new UsageError(l10n.t('--max-file-size must be a whole number of bytes, not `{0}`', value));
  return Number(value);
}

/** Paths as GitHub needs them in annotations: relative to the working folder (the checkout), with `/`. */
function relativeToWorkingFolder(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
