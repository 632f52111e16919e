/**
 * The shipped library's index, prepared when the extension is built instead of parsed in every window: what the
 * loader's index mode gives for each file, without the file's own path (a build machine's path means nothing on the
 * user's), keyed by the file's name and checked against a digest of its bytes, so a file that differs from the one
 * indexed is parsed as usual.
 */
import type { ParseResult } from './model';

export interface PreparedFile {
  /** Digest of the file's bytes (the host's choice of hash, the same at build and at run time). */
  digest: string;
  result: ParseResult;
}

export interface PreparedIndex {
  version: 1;
  /** By file name, relative to the library folder, `/`-separated. */
  files: Record<string, PreparedFile>;
}

/** A file's parse result without its path, for the prepared index. */
export function prepareFile(result: ParseResult, digest: string): PreparedFile {
  return {
    digest,
    result: {
      dialogues: result.dialogues.map(({ source: _source, sourceLabel: _label, ...dialogue }) => ({ ...dialogue, file: '' })),
      guidance: result.guidance.map((tip) => ({ ...tip, file: '' })),
      diagnostics: result.diagnostics.map((diagnostic) => ({ ...diagnostic, file: '' })),
    },
  };
}

/** The parse result of a prepared file at its path on this machine. */
export function restorePreparedFile(prepared: PreparedFile, file: string): ParseResult {
  const { result } = prepared;
  return {
    dialogues: result.dialogues.map((dialogue) => ({ ...dialogue, file })),
    guidance: result.guidance.map((tip) => ({ ...tip, file })),
    diagnostics: result.diagnostics.map((diagnostic) => ({ ...diagnostic, file })),
  };
}
