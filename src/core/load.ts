/** From the bytes of a file to a parse result: size limit, binary and encoding checks, then the parser. */
import type { ParseResult } from './model';
import { parseDialogueFile } from './parser';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export interface LoadOptions {
  maxBytes?: number;
}

export function loadDialogueBytes(bytes: Uint8Array, file: string, options: LoadOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.byteLength > maxBytes) return oversizeProblem(file, bytes.byteLength, maxBytes);
  if (bytes.includes(0)) {
    return fileProblem(file, 'skipped: this looks like a binary file, not Markdown; dialogue files are UTF-8 text');
  }
  let text: string;
  let encodingProblem: { line: number; column: number } | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Keep every readable dialogue: decode with replacement characters and point at the first bad byte.
    text = new TextDecoder('utf-8').decode(bytes);
    encodingProblem = positionOf(text, text.indexOf('\uFFFD'));
  }
  const result = parseDialogueFile(text, file);
  if (encodingProblem) {
    result.diagnostics.unshift({
      file,
      ...encodingProblem,
      severity: 'error',
      message: 'the file is not valid UTF-8 (bad bytes are shown as �); save it with UTF-8 encoding',
    });
  }
  return result;
}

export function oversizeProblem(file: string, size: number, maxBytes: number): ParseResult {
  return fileProblem(file, `skipped: the file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (setting \`interviewDialogues.maxFileSize\`); split it into smaller files`);
}

export function fileProblem(file: string, message: string): ParseResult {
  return { dialogues: [], guidance: [], diagnostics: [{ file, line: 1, column: 1, severity: 'error', message }] };
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
