/**
 * `node dist/cli.js COMMAND …`: the subcommand table, `--help` and `--version`. A new subcommand is a module that
 * exports a `CliCommand` and one line in COMMANDS.
 */
import * as l10n from '@vscode/l10n';
import { version } from '../../package.json';
import { describeOptions, parseArgs, UsageError } from './args';
import { type CliCommand, type CliOutput, EXIT } from './command';
import { exportCommand, statsCommand } from './history';
import { importCommand } from './importCommand';
import { validateCommand } from './validate';

const COMMANDS: readonly CliCommand[] = [validateCommand, importCommand, statsCommand(), exportCommand()];

const PROGRAM = 'node dist/cli.js';

/** Runs one command line. `commands` is the table to dispatch on (tests pass commands with a fixed clock and home). */
export async function runCli(argv: readonly string[], output: CliOutput, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    output.err(`${globalHelp(commands)}\n`);
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const command = rest[0] === undefined ? undefined : commands.find((c) => c.id === rest[0]);
    output.out(`${command ? commandHelp(command) : globalHelp(commands)}\n`);
    return EXIT.clean;
  }
  if (first === '--version' || first === '-v') {
    output.out(`${version}\n`);
    return EXIT.clean;
  }
  const command = commands.find((c) => c.id === first);
  if (!command) {
    output.err(`${l10n.t('{0}: unknown command `{1}`', PROGRAM, first)}\n\n${globalHelp(commands)}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    output.out(`${commandHelp(command)}\n`);
    return EXIT.clean;
  }
  try {
    return await command.run(parseArgs(rest, command.options), output);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`${PROGRAM} ${command.id}: ${error.message}\n${usageLine(command)}\n${l10n.t('More: {0}', `${PROGRAM} ${command.id} --help`)}\n`);
    return EXIT.usage;
  }
}

function exitCodes(): string {
  return [
    l10n.t('Exit codes:'),
    `  0  ${l10n.t('no error found')}`,
    `  1  ${l10n.t('errors found (validate), or no speaker line found (import)')}`,
    `  2  ${l10n.t('wrong usage, a file or folder that cannot be read, or no history found (stats, export)')}`,
  ].join('\n');
}

function usageLine(command: CliCommand): string {
  return l10n.t('usage: {0}', command.usage);
}

function globalHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.id.length));
  return [
    l10n.t("Interview Dialogues {0}: dialogue files from the command line, with the extension's own parser.", version),
    '',
    l10n.t('Usage:'),
    ...commands.map((c) => `  ${c.usage}`),
    `  ${PROGRAM} COMMAND --help`,
    `  ${PROGRAM} --version`,
    '',
    l10n.t('Commands:'),
    ...commands.map((c) => `  ${c.id.padEnd(width)}  ${c.summary}`),
    '',
    exitCodes(),
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  const options = describeOptions([...command.options, { id: 'help', kind: 'flag', help: l10n.t('this text') }]);
  return [usageLine(command), '', command.description, '', l10n.t('Options:'), options, '', exitCodes()].join('\n');
}
