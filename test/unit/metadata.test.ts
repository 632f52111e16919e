import assert from 'node:assert/strict';
import { checkMetadata, DIALOGUE_KEYS, FILE_KEYS } from '../../src/core/metadata';

/** The front matter's `speakers:` value as the YAML parser hands it over, checked as the front matter checks it. */
const speakers = (raw: unknown): ReturnType<typeof checkMetadata> => checkMetadata('speakers', raw, FILE_KEYS);
const error = (result: ReturnType<typeof checkMetadata>): string | undefined => ('error' in result ? result.error : undefined);

describe('checkMetadata: text values', () => {
  it('keeps a topic without the blanks around it', () => {
    assert.deepEqual(checkMetadata('topic', '  Caching  ', FILE_KEYS), { value: { topic: 'Caching' } });
  });

  it('reads a number YAML typed as a number as its text (`topic: 42`, `id: 7`)', () => {
    assert.deepEqual(checkMetadata('topic', 42, FILE_KEYS), { value: { topic: '42' } });
    assert.deepEqual(checkMetadata('id', 7, DIALOGUE_KEYS), { value: { id: '7' } });
  });

  it('refuses a blank or non-text value with the key it belongs to', () => {
    for (const raw of ['', '   ', '\t', true, null, ['Caching']]) {
      assert.deepEqual(checkMetadata('topic', raw, FILE_KEYS), { error: '`topic` needs a text value' }, JSON.stringify(raw));
    }
  });

  it('reads a key in any case and with blanks around it', () => {
    assert.deepEqual(checkMetadata(' Topic ', 'Caching', DIALOGUE_KEYS), { value: { topic: 'Caching' } });
    assert.deepEqual(checkMetadata('LEVEL', 'Senior', FILE_KEYS), { value: { level: 'senior' } });
  });
});

describe('checkMetadata: keys that do not belong where they are written', () => {
  it('says that `speakers` works only in the front matter when a dialogue line sets it', () => {
    assert.deepEqual(checkMetadata('Speakers', '{ interviewer: [Dana] }', DIALOGUE_KEYS), {
      error: 'key `Speakers` works only in the front matter',
      unknownKey: true,
    });
  });

  it('suggests the closest key for a misspelt one', () => {
    assert.deepEqual(checkMetadata('tpoic', 'Caching', FILE_KEYS), { error: 'key `tpoic` is not known; did you mean `topic`?', unknownKey: true });
  });

  it('lists the keys of the place when nothing is close', () => {
    assert.deepEqual(checkMetadata('difficulty', 'hard', DIALOGUE_KEYS), {
      error: 'key `difficulty` is not known; use one of `topic`, `level`, `tags`, `time`, `id`, `kind`',
      unknownKey: true,
    });
  });
});

describe('checkMetadata: the front matter’s speaker names', () => {
  it('gives each role the names listed under it, and an empty list to a role not given', () => {
    assert.deepEqual(speakers({ interviewer: ['Dana', 'Staff Engineer'] }), { value: { speakers: { interviewer: ['Dana', 'Staff Engineer'], candidate: [] } } });
    assert.deepEqual(speakers({ candidate: ['Sam'] }), { value: { speakers: { interviewer: [], candidate: ['Sam'] } } });
  });

  it('takes a single name without brackets', () => {
    assert.deepEqual(speakers({ interviewer: 'Dana', candidate: 'Sam' }), { value: { speakers: { interviewer: ['Dana'], candidate: ['Sam'] } } });
  });

  it('reads the roles in any case and with blanks around them', () => {
    assert.deepEqual(speakers({ ' Interviewer ': ['Dana'], CANDIDATE: ['Sam'] }), { value: { speakers: { interviewer: ['Dana'], candidate: ['Sam'] } } });
  });

  it('keeps names without the blanks around them, and runs of blanks inside them as written', () => {
    assert.deepEqual(speakers({ interviewer: [' Dana '], candidate: ['Staff  Engineer'] }), {
      value: { speakers: { interviewer: ['Dana'], candidate: ['Staff  Engineer'] } },
    });
  });

  it('lets a role list the same name twice, in any case', () => {
    assert.deepEqual(speakers({ interviewer: ['Dana', 'dana'] }), { value: { speakers: { interviewer: ['Dana', 'dana'], candidate: [] } } });
  });

  it('refuses a value that does not map roles to names', () => {
    const message = '`speakers` must map roles to names, e.g. `speakers: { interviewer: [Dana], candidate: [Sam] }`';
    for (const raw of [null, 'Dana', ['Dana'], 42]) assert.deepEqual(speakers(raw), { error: message }, JSON.stringify(raw));
  });

  it('refuses a role that is neither interviewer nor candidate, suggesting the closest', () => {
    assert.equal(error(speakers({ interviewee: ['Sam'] })), '`speakers` has a role `interviewee`; the roles are `interviewer`, `candidate`; did you mean `interviewer`?');
  });

  it('refuses an empty entry or one that is not a name (`interviewer:` with nothing, `true`)', () => {
    const message = (item: string): string => `\`speakers\`: \`${item}\` cannot be a label; a name starts with a letter and holds letters, digits, spaces and \`.'&/-\` (at most 40)`;
    assert.equal(error(speakers({ interviewer: null })), message('null'));
    assert.equal(error(speakers({ interviewer: [true] })), message('true'));
    assert.equal(error(speakers({ interviewer: ['  '] })), message('  '));
    assert.equal(error(speakers({ interviewer: [7] })), message('7'));
    assert.equal(error(speakers({ interviewer: ['Dana (host)'] })), message('Dana (host)'));
    assert.equal(error(speakers({ interviewer: ['**Dana**'] })), message('**Dana**'));
  });

  it('refuses to give `Interviewer` to the candidate or `Candidate` to the interviewer, and says which', () => {
    assert.equal(error(speakers({ candidate: ['Interviewer'] })), '`speakers`: `Interviewer` always means the interviewer; give the candidate another name');
    assert.equal(error(speakers({ interviewer: ['candidate'] })), '`speakers`: `candidate` always means the candidate; give the interviewer another name');
  });

  it('allows `Interviewer` under the interviewer and `Candidate` under the candidate', () => {
    assert.deepEqual(speakers({ interviewer: ['Interviewer'], candidate: ['Candidate'] }), {
      value: { speakers: { interviewer: ['Interviewer'], candidate: ['Candidate'] } },
    });
  });

  it('refuses a metadata key or `Key points` as a name, since those lines set metadata', () => {
    assert.equal(error(speakers({ interviewer: ['Topic'] })), '`speakers`: `Topic` is a metadata key (`**Topic:**` sets metadata), so it cannot name a speaker');
    assert.equal(error(speakers({ candidate: ['Key  Points'] })), '`speakers`: `Key  Points` is a metadata key (`**Key  Points:**` sets metadata), so it cannot name a speaker');
  });

  it('refuses a name given to both roles', () => {
    assert.equal(error(speakers({ interviewer: ['Dana'], candidate: ['DANA'] })), '`speakers`: `DANA` is given to both roles; keep it under one');
  });
});
