/** `import [options] FILE`: a transcript or notes as a dialogue file, printed to standard output. */
import { importTranscript, titleFromFileName } from '../core/transcript';
import { describe } from '../node/nodeFiles';
import { UsageError } from './args';
import { type CliCommand, EXIT } from './command';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'turn an interview transcript or notes into a dialogue file, printed to standard output',
  usage: 'usage: node dist/cli.js import [--title TEXT] [--interviewer NAME]... [--candidate NAME]... FILE|-',
  description: [
    'Reads Markdown or plain text (Q:/A:, I:/C:, Interviewer:/Candidate:, people\'s names, timestamps such as [0:40]',
    'or 00:12:03, a name and a time alone on a line, WebVTT) and prints a dialogue file. People are mapped to roles by',
    '--interviewer/--candidate, else guessed (the one who asks fewest questions is the candidate); the guess is',
    'reported on standard error and kept in the file\'s `speakers:` front matter, where it is easy to change.',
    'Example: node dist/cli.js import call.txt > .interview/call.md',
  ].join('\n'),
  options: [
    { name: 'title', kind: 'value', value: 'TEXT', help: 'title of the dialogue when the transcript has no heading (default: from the file name)' },
    { name: 'interviewer', kind: 'list', value: 'NAME', help: 'a name that is the interviewer; repeatable' },
    { name: 'candidate', kind: 'list', value: 'NAME', help: 'a name that is the candidate; repeatable' },
  ],
  async run(args, output) {
    if (args.positionals.length !== 1) throw new UsageError('give one FILE (or - for standard input)');
    const [file] = args.positionals;
    let bytes: Uint8Array;
    try {
      bytes = await output.readInput(file);
    } catch (error) {
      output.err(`cannot read ${file}: ${describe(error)}\n`);
      return EXIT.usage;
    }
    const title = args.values.get('title') ?? (file === '-' ? undefined : titleFromFileName(file));
    const imported = importTranscript(new TextDecoder().decode(bytes), {
      title,
      speakers: { interviewer: args.lists.get('interviewer') ?? [], candidate: args.lists.get('candidate') ?? [] },
    });
    if (imported.turns === 0) {
      output.err(`${file}: no speaker lines found. Lines such as \`Interviewer: …\`, \`Q: …\` or \`Dana: …\` start turns; see --help\n`);
      return EXIT.errors;
    }
    output.out(imported.markdown);
    const guessed = imported.speakers.filter((s) => s.how === 'guessed');
    if (guessed.length > 0) {
      output.err(`Guessed: ${guessed.map((s) => `${s.name} is the ${s.speaker}`).join(', ')}. If that is wrong, use --interviewer/--candidate or edit \`speakers:\` in the file.\n`);
    }
    return EXIT.clean;
  },
};
