/** From the bytes of a file to a parse result: size limit, binary and encoding checks, then the parser. */
import * as l10n from '@vscode/l10n';
import type { ParseResult } from './model';
import { parseDialogueFile } from './parser';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export interface LoadOptions {
  maxBytes?: number;
  /**
   * How the user raises the size limit, added to the message about a file over it. The core names no setting or
   * flag itself: the extension names its setting, the CLI its `--max-file-size`.
   */
  limitHint?: string;
}

export function loadDialogueBytes(bytes: Uint8Array, file: string, options: LoadOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.byteLength > maxBytes) return oversizeProblem(file, bytes.byteLength, maxBytes, options.limitHint);
  if (bytes.includes(0)) {
    return fileProblem(file, l10n.t('skipped: this looks like a binary file, not Markdown; dialogue files are UTF-8 text'));
  }
  let text: string;
  let encodingProblem: { line: number; column: number } | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Keep every readable dialogue: decode with replacement characters and point at the first bad byte.
    text = new TextDecoder('utf-8').decode(bytes);
    encodingProblem = positionOfByte(bytes, firstInvalidUtf8Byte(bytes));
  }
  const result = parseDialogueFile(text, file);
  if (encodingProblem) {
    result.diagnostics.unshift({
      file,
      ...encodingProblem,
      severity: 'error',
      message: l10n.t('the file is not valid UTF-8 (bad bytes are shown as �); save it with UTF-8 encoding'),
    });
  }
  return result;
}

export function oversizeProblem(file: string, size: number, maxBytes: number, limitHint?: string): ParseResult {
  return fileProblem(file, limitHint
    ? l10n.t('skipped: the file is {0}, over the {1} limit; split it into smaller files or raise the limit ({2})', formatBytes(size), formatBytes(maxBytes), limitHint)
    : l10n.t('skipped: the file is {0}, over the {1} limit; split it into smaller files', formatBytes(size), formatBytes(maxBytes)));
}

export function fileProblem(file: string, message: string): ParseResult {
  return { dialogues: [], guidance: [], diagnostics: [{ file, line: 1, column: 1, severity: 'error', message }] };
}

/** Line and column (in characters) of a byte offset. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  return { line, column: new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629), or the length. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const [length, min, max] = b < 0x80 ? [1, 0, 0] : b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf] : b === 0xf0 ? [4, 0x90, 0xbf] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      // The second byte has a narrower range for some lead bytes (no overlongs, no surrogates, nothing past U+10FFFF).
      if (c === undefined || c < (k === 1 ? min || 0x80 : 0x80) || c > (k === 1 ? max || 0xbf : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
