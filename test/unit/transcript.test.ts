import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Speaker } from '../../src/core/model';
import { parseDialogueFile } from '../../src/core/parser';
import { importTranscript, type TranscriptOptions } from '../../src/core/transcript';
import { md } from './helpers';
import { runs } from './support/mutationRun';

/** Imports, parses the file it wrote, and returns its turns and diagnostics. */
function roundTrip(transcript: string, options: TranscriptOptions = {}) {
  const imported = importTranscript(transcript, options);
  const parsed = parseDialogueFile(imported.markdown, '.interview/imported.md');
  return {
    imported,
    parsed,
    turns: parsed.dialogues.flatMap((d) => d.turns.map((t): [Speaker, string] => [t.speaker, t.text])),
    titles: parsed.dialogues.map((d) => d.title),
  };
}

describe('importTranscript', () => {
  it('reads a timed transcript with people’s names, guesses who interviews, and keeps the names', () => {
    const { imported, parsed, turns, titles } = roundTrip(md(
      'Interview with Acme, 2024-05-01',
      '',
      '[0:00] Dana: Thanks for coming. Can you design a URL shortener?',
      '[0:40] Sam: Sure. First the scale.',
      '[1:10] Dana: What about collisions?',
      '[1:30] Sam: Base62 ids from a counter.',
    ), { title: 'acme onsite' });
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepEqual(titles, ['acme onsite']);
    assert.deepEqual(turns, [
      ['interviewer', 'Thanks for coming. Can you design a URL shortener?'],
      ['candidate', 'Sure. First the scale.'],
      ['interviewer', 'What about collisions?'],
      ['candidate', 'Base62 ids from a counter.'],
    ]);
    assert.match(imported.markdown, /^---\nspeakers:\n {2}interviewer: \["Dana"\]\n {2}candidate: \["Sam"\]\n---\n/);
    assert.match(imported.markdown, /\n\*\*Dana:\*\* Thanks for coming/);
    assert.equal(parsed.dialogues[0].intro, 'Interview with Acme, 2024-05-01', 'text before the first turn is kept as the intro');
    assert.deepEqual(imported.speakers.map((s) => [s.name, s.speaker, s.how]), [['Dana', 'interviewer', 'guessed'], ['Sam', 'candidate', 'guessed']]);
    assert.deepEqual([imported.dialogues, imported.turns], [1, 4]);
  });

  it('takes the roles the caller gives over any guess', () => {
    const { turns, imported } = roundTrip(md('Dana: Why?', 'Sam: Because?', 'Dana: Fine.', 'Sam: Good?'), { speakers: { candidate: ['Dana'] } });
    assert.deepEqual(turns.map(([s]) => s), ['candidate', 'interviewer', 'candidate', 'interviewer']);
    assert.equal(imported.speakers.find((s) => s.name === 'Dana')?.how, 'given');
  });

  it('gives every unknown name the other role when the known labels cover one', () => {
    const { turns } = roundTrip(md('**Interviewer:** Why?', '**Sam:** Because.', '**Interviewer:** And?', '**Sam:** That is all.'));
    assert.deepEqual(turns.map(([s]) => s), ['interviewer', 'candidate', 'interviewer', 'candidate']);
  });

  it('reads a name and a time alone on a line (as meeting tools export), with the text below', () => {
    const { turns } = roundTrip(md('Dana Smith  0:05', 'Tell me about yourself?', '', 'Sam Lee  0:20', 'I build payment systems.', 'Mostly in Go.'));
    assert.deepEqual(turns, [['interviewer', 'Tell me about yourself?'], ['candidate', 'I build payment systems.\nMostly in Go.']]);
  });

  it('reads WebVTT cues with voice tags and drops the cue numbers and timings', () => {
    const { turns } = roundTrip(md('WEBVTT', '', '1', '00:00:01.000 --> 00:00:04.000', '<v Interviewer>What is a CRDT?</v>', '', '2', '00:00:05.000 --> 00:00:09.000', '<v Candidate>A type that merges.</v>'));
    assert.deepEqual(turns, [['interviewer', 'What is a CRDT?'], ['candidate', 'A type that merges.']]);
  });

  it('makes a dialogue of each `#`/`##` section with turns; a heading without turns introduces the next', () => {
    const { turns, titles, parsed } = roundTrip(md(
      '# Backend loop',
      '## 1. Round one',
      '* I: How would you shard users?',
      '* C: By user id, with',
      '  consistent hashing.',
      '### Follow-ups',
      '* I: Hot keys?',
      '* C: A: cache them. B: split them.',
      '## Round two',
      '**Q:** A conflict?',
      '**A:** **Time:** was short.',
      '**Time:** 5 min',
    ));
    assert.deepEqual(titles, ['Round one', 'Round two']);
    assert.equal(parsed.dialogues[0].intro, 'Backend loop');
    assert.deepEqual(parsed.dialogues[0].stages.map((s) => s.title), ['Follow-ups']);
    assert.deepEqual(turns, [
      ['interviewer', 'How would you shard users?'],
      ['candidate', 'By user id, with\nconsistent hashing.'],
      ['interviewer', 'Hot keys?'],
      ['candidate', 'A: cache them. B: split them.'],
      ['interviewer', 'A conflict?'],
      ['candidate', '**Time:** was short.\n\\**Time:** 5 min'],
    ]);
  });

  it('keeps `A: …` and `Note: …` lines of a transcript that uses whole labels as text', () => {
    const { turns } = roundTrip(md('Interviewer: Options?', 'Candidate: Two:', 'A: the first', 'Note: or none'));
    assert.deepEqual(turns, [['interviewer', 'Options?'], ['candidate', 'Two:\nA: the first\nNote: or none']]);
  });

  it('keeps a quoted label that is not a turn of the transcript as text (the parser would read a turn there)', () => {
    // Found by the property below: `[0:40] > Interviewer:` was kept as intro text, which the parser read as a turn.
    const imported = importTranscript('[0:40] > Interviewer: \nInterviewer: !');
    assert.equal(imported.turns, 1);
    assert.match(imported.markdown, /^> Interviewer&#58;/m);
    const { turns } = roundTrip(md('Interviewer: Quote me.', '> Candidate: quoted, not a turn', 'Candidate: Done.'));
    assert.deepEqual(turns, [['interviewer', 'Quote me.\n> Candidate&#58; quoted, not a turn'], ['candidate', 'Done.']]);
  });

  it('keeps a bare time at the start of a line of notes that have no timed speaker lines', () => {
    const { turns } = roundTrip(md('Interviewer: When?', 'Candidate: Tomorrow,', '10:30 suits me.'));
    assert.equal(turns[1][1], 'Tomorrow,\n10:30 suits me.');
  });

  it('writes nothing but an empty dialogue-less file when there is no speaker line', () => {
    const imported = importTranscript(md('Just some prose.', 'No one speaks here.'));
    assert.equal(imported.turns, 0);
    assert.equal(imported.dialogues, 0);
  });
});

describe('importTranscript properties (fast-check)', () => {
  const word = fc.constantFrom('cache', 'shard', 'queue', 'latency', 'we', 'would', 'split', 'the', 'p99', 'retry', 'a', 'Note', 'and');
  const sentence = fc.array(word, { minLength: 1, maxLength: 7 }).map((w) => w.join(' '));
  const turnArb = fc.record({
    speaker: fc.constantFrom<Speaker>('interviewer', 'candidate'),
    lines: fc.array(sentence, { minLength: 1, maxLength: 3 }),
  });

  type Turn = { speaker: Speaker; lines: string[] };
  /** In a transcript of names, interviewers ask (a `?`) and candidates do not: what the guess relies on. */
  const punctuate = (turn: Turn, names: boolean): Turn => {
    const last = turn.lines.length - 1;
    const end = names ? (turn.speaker === 'interviewer' ? '?' : '.') : '.';
    return { ...turn, lines: turn.lines.map((line, i) => (i === last ? line + end : line)) };
  };
  const clock = (i: number) => `${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}`;
  const hms = (i: number) => `00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
  const named = { interviewer: 'Dana', candidate: 'Sam Lee' };

  /** Transcript styles: each writes turns as people or tools do. */
  const STYLES: Record<string, { names?: boolean; write: (turns: Turn[]) => string }> = {
    bold: { write: (ts) => ts.map((t) => `**${t.speaker === 'interviewer' ? 'Interviewer' : 'Candidate'}:** ${t.lines.join('\n')}`).join('\n\n') },
    plain: { write: (ts) => ts.map((t) => `${t.speaker === 'interviewer' ? 'Interviewer' : 'Interviewee'}: ${t.lines.join('\n')}`).join('\n') },
    'Q/A': { write: (ts) => ts.map((t) => `${t.speaker === 'interviewer' ? 'Q' : 'A'}: ${t.lines.join('\n')}`).join('\n\n') },
    'I/C list': { write: (ts) => ts.map((t) => `* ${t.speaker === 'interviewer' ? 'I' : 'C'}: ${t.lines.join('\n  ')}`).join('\n') },
    quoted: { write: (ts) => ts.map((t) => `> **${t.speaker === 'interviewer' ? '🎤 Interviewer' : '👨‍💻 Candidate'}:** ${t.lines.join('\n> ')}`).join('\n>\n') },
    'timed names': { names: true, write: (ts) => ts.map((t, i) => `[${clock(i * 37)}] ${named[t.speaker]}: ${t.lines.join('\n')}`).join('\n') },
    'clock names': { names: true, write: (ts) => ts.map((t, i) => `${hms(i * 61)} ${named[t.speaker]} (${t.speaker === 'interviewer' ? 'host' : 'guest'}): ${t.lines.join('\n')}`).join('\n') },
    'name and time': { names: true, write: (ts) => ts.map((t, i) => `${named[t.speaker]}  ${clock(i * 13)}\n${t.lines.join('\n')}`).join('\n\n') },
    webvtt: { write: (ts) => `WEBVTT\n\n${ts.map((t, i) => `${i + 1}\n${hms(i)}.000 --> ${hms(i + 1)}.000\n<v ${t.speaker === 'interviewer' ? 'Interviewer' : 'Candidate'}>${t.lines.join(' ')}</v>`).join('\n\n')}` },
  };

  it('imports a generated transcript in any supported style, and the parser reads back the same turns', () => {
    fc.assert(fc.property(
      fc.constantFrom(...Object.keys(STYLES)),
      fc.array(turnArb, { minLength: 1, maxLength: 10 }),
      fc.constantFrom('', '# Onsite loop\n\n', '## Round one\n\n', 'Notes from the call.\n\n'),
      (styleName, generated, preamble) => {
        const style = STYLES[styleName];
        const turns = generated.map((t) => punctuate(styleName === 'webvtt' ? { ...t, lines: [t.lines.join(' ')] } : t, Boolean(style.names)));
        const transcript = preamble + style.write(turns) + '\n';
        const { turns: got, parsed } = roundTrip(transcript);
        assert.deepEqual(got, turns.map((t): [Speaker, string] => [t.speaker, t.lines.join('\n')]), transcript);
        assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), [], transcript);
      },
    ), { numRuns: runs(400) });
  });

  it('never throws and always writes a file the parser reads without an error, whatever the text', () => {
    const piece = fc.constantFrom('Interviewer: ', 'Q: ', 'A: ', '**Dana:** ', 'Sam: ', '[0:40] ', '00:12:03 ', '# ', '## ', '### ', '> ', '* ', '```', '---', '**Time:** ', 'x', '?', '\n', '<v Dana>', ' --> ', '(Dana)', '🎤');
    fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 80 }), (parts) => {
      const imported = importTranscript(parts.join(''));
      const parsed = parseDialogueFile(imported.markdown, 'x.md');
      assert.equal(parsed.dialogues.reduce((n, d) => n + d.turns.length, 0), imported.turns);
    }), { numRuns: runs(400) });
  });
});
