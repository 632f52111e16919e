/**
 * `node dist/cli.js COMMAND …`: the subcommand table, `--help` and `--version`. A new subcommand is a module that
 * exports a `CliCommand` and one line in COMMANDS.
 */
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
    const command = rest[0] === undefined ? undefined : commands.find((c) => c.name === rest[0]);
    output.out(`${command ? commandHelp(command) : globalHelp(commands)}\n`);
    return EXIT.clean;
  }
  if (first === '--version' || first === '-v') {
    output.out(`${version}\n`);
    return EXIT.clean;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    output.err(`${PROGRAM}: unknown command \`${first}\`\n\n${globalHelp(commands)}\n`);
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
    output.err(`${PROGRAM} ${command.name}: ${error.message}\n${command.usage}\nMore: ${PROGRAM} ${command.name} --help\n`);
    return EXIT.usage;
  }
}

const EXIT_CODES = `Exit codes:
  0  no error found
  1  errors found (validate), or no speaker line found (import)
  2  wrong usage, a file or folder that cannot be read, or no history found (stats, export)`;

function globalHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Interview Dialogues ${version}: dialogue files from the command line, with the extension's own parser.`,
    '',
    'Usage:',
    ...commands.map((c) => `  ${c.usage.replace(/^usage: /, '')}`),
    `  ${PROGRAM} COMMAND --help`,
    `  ${PROGRAM} --version`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    EXIT_CODES,
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  const options = describeOptions([...command.options, { name: 'help', kind: 'flag', help: 'this text' }]);
  return [command.usage, '', command.description, '', 'Options:', options, '', EXIT_CODES].join('\n');
}
