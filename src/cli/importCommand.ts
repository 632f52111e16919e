/** `import [options] FILE`: a transcript or notes as a dialogue file, printed to standard output. */
import * as l10n from '@vscode/l10n';
import { importTranscript, titleFromFileName } from '../core/transcript';
import { describe } from '../node/nodeFiles';
import { UsageError } from './args';
import { type CliCommand, EXIT } from './command';

export const importCommand: CliCommand = {
  id: 'import',
  get summary() {
    return l10n.t('turn an interview transcript or notes into a dialogue file, printed to standard output');
  },
  usage: 'node dist/cli.js import [--title TEXT] [--interviewer NAME]... [--candidate NAME]... FILE|-',
  get description() {
    return l10n.t(
      "Reads Markdown or plain text (Q:/A:, I:/C:, Interviewer:/Candidate:, people's names, timestamps such as [0:40]\nor 00:12:03, a name and a time alone on a line, WebVTT) and prints a dialogue file. People are mapped to roles by\n--interviewer/--candidate, else guessed (the one who asks fewest questions is the candidate); the guess is\nreported on standard error and kept in the file's `speakers:` front matter, where it is easy to change.\nExample: {0}",
      'node dist/cli.js import call.txt > .interview/call.md',
    );
  },
  get options() {
    return [
      { id: 'title', kind: 'value', value: 'TEXT', help: l10n.t('title of the dialogue when the transcript has no heading (default: from the file name)') },
      { id: 'interviewer', kind: 'list', value: 'NAME', help: l10n.t('a name that is the interviewer; repeatable') },
      { id: 'candidate', kind: 'list', value: 'NAME', help: l10n.t('a name that is the candidate; repeatable') },
    ] as const;
  },
  async run(args, output) {
    if (args.positionals.length !== 1) throw new UsageError(l10n.t('give one FILE (or - for standard input)'));
    const [file] = args.positionals;
    let bytes: Uint8Array;
    try {
      bytes = await output.readInput(file);
    } catch (error) {
      output.err(`${l10n.t('cannot read {0}: {1}', file, describe(error))}\n`);
      return EXIT.usage;
    }
    const title = args.values.get('title') ?? (file === '-' ? undefined : titleFromFileName(file));
    const imported = importTranscript(new TextDecoder().decode(bytes), {
      title,
      speakers: { interviewer: args.lists.get('interviewer') ?? [], candidate: args.lists.get('candidate') ?? [] },
    });
    if (imported.turns === 0) {
      output.err(`${l10n.t('{0}: no speaker lines found. Lines such as `Interviewer: …`, `Q: …` or `Dana: …` start turns; see --help', file)}\n`);
      return EXIT.errors;
    }
    output.out(imported.markdown);
    const guessed = imported.speakers.filter((s) => s.how === 'guessed');
    if (guessed.length > 0) {
      const guesses = guessed.map((s) => (s.speaker === 'interviewer' ? l10n.t('{0} is the interviewer', s.name) : l10n.t('{0} is the candidate', s.name))).join(', ');
      output.err(`${l10n.t('Guessed: {0}. If that is wrong, use --interviewer/--candidate or edit `speakers:` in the file.', guesses)}\n`);
    }
    return EXIT.clean;
  },
};
