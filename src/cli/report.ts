/** How `validate` prints what it found: `text` (one line per problem, read by the problem matcher), `json`, `github`. */
import * as l10n from '@vscode/l10n';
import type { Library } from '../core/library';
import { plural } from '../core/plural';
import type { Diagnostic } from '../core/model';

export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface Findings {
  files: number;
  library: Library;
  /** Sorted by file and position. */
  diagnostics: readonly Diagnostic[];
}

export function formatFindings(format: Format, findings: Findings, relative: (file: string) => string): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(asJson(findings), null, 2)}\n`;
    case 'github':
      return findings.diagnostics.map((d) => `${githubAnnotation(d, relative(d.file))}\n`).join('') + `${summary(findings)}\n`;
    default:
      return findings.diagnostics.map((d) => `${textLine(d)}\n`).join('') + `${summary(findings)}\n`;
  }
}

/** `path:line:col: severity: message`, the shape compilers print and `contributes.problemMatchers` reads. */
export function textLine(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

function summary({ files, library, diagnostics }: Findings): string {
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
  const questions = library.dialogues.reduce((sum, d) => sum + d.questions.length, 0);
  const counts = [files, library.dialogues.length, questions, count('error'), count('warning')];
  return plural(l10n.t('{0, plural, one {# file} other {# files}}, {1, plural, one {# dialogue} other {# dialogues}}, {2, plural, one {# question} other {# questions}}: {3, plural, one {# error} other {# errors}}, {4, plural, one {# warning} other {# warnings}}'), ...counts);
}

function asJson({ library, diagnostics }: Findings): unknown {
  return {
    dialogues: library.dialogues.map((d) => ({
      id: d.id,
      title: d.title,
      topic: d.topic,
      level: d.level,
      file: d.file,
      turns: d.turns.map((t) => ({ speaker: t.speaker, text: t.text })),
    })),
    diagnostics: diagnostics.map(({ file, line, column, severity, message }) => ({ file, line, column, severity, message })),
  };
}

const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * A GitHub Actions workflow command (`::error file=…,line=…,col=…::message`) that marks the line in a pull request.
 * Escaped as the Actions toolkit does: `%`, CR and LF in the message; also `:` and `,` in property values.
 */
export function githubAnnotation(d: Diagnostic, file: string): string {
  const properties = [`file=${escapeProperty(file)}`, `line=${d.line}`, `col=${d.column}`];
  if (d.endLine !== undefined) properties.push(`endLine=${d.endLine}`);
  properties.push(`title=${escapeProperty('Interview Dialogues')}`);
  return `::${GITHUB_LEVEL[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
