/** What every subcommand of `node dist/cli.js` is, and the exit codes they share. */
import type { OptionSpec, ParsedArgs } from './args';

/** 0: no error found; 1: errors found (or nothing to import); 2: bad usage, or a file or folder that cannot be read. */
export const EXIT = { clean: 0, errors: 1, usage: 2 } as const;

/** Where a command writes: the whole text arrives, however large, because the process is never ended early. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
  /** Reads a file given on the command line, or standard input for `-`. */
  readInput(file: string): Promise<Uint8Array>;
}

/**
 * A command's texts are read when they are printed (getters in the command tables), after the CLI has chosen its
 * language: the tables are module constants, built before that.
 */
export interface CliCommand {
  /** The command as typed (an id: never translated). */
  id: string;
  /** One line for the global `--help`. */
  summary: string;
  /** The `node dist/cli.js NAME …` synopsis for `--help` and usage errors (not translated: names and metavariables). */
  usage: string;
  /** What it does, a few lines for `NAME --help`. */
  description: string;
  options: readonly OptionSpec[];
  run(args: ParsedArgs, output: CliOutput): Promise<number>;
}
