import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dialogueTemplate } from '../../src/core/authoring';
import { parseDialogueFile } from '../../src/core/parser';
import { REPO } from './helpers';

/** A snippet body as the editor inserts it when every placeholder keeps its default (first choice). */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

describe('authoring aids', () => {
  it('New Dialogue writes a file that loads with no problem', () => {
    const result = parseDialogueFile(dialogueTemplate('Design our checkout', 'Team loop'), '.interview/design-our-checkout.md');
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.dialogues.length, 1);
    const [dialogue] = result.dialogues;
    assert.equal(dialogue.title, 'Design our checkout');
    assert.equal(dialogue.topic, 'Team loop');
    assert.equal(dialogue.questions.length, 2);
    assert.equal(dialogue.questions[0].budgetSeconds, 600);
  });

  it('the Markdown snippets expand to text the parser accepts', () => {
    const snippets = JSON.parse(readFileSync(path.join(REPO, 'snippets', 'dialogues.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
    const frontMatter = expand(snippets['Dialogue file front matter'].body);
    const dialogue = expand(snippets['Interview dialogue'].body);
    const followUp = [snippets['Interviewer turn'], snippets['Candidate turn'], snippets['Question time and key points']].map((s) => expand(s.body)).join('\n');
    const result = parseDialogueFile(`${frontMatter}\n${dialogue}\n${followUp}\n`, 'snippets.md');
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.dialogues.length, 1);
    assert.deepEqual(result.dialogues[0].turns.map((t) => t.speaker), ['interviewer', 'candidate', 'interviewer', 'candidate']);
    assert.deepEqual(result.dialogues[0].questions.map((q) => q.budgetSeconds), [600, 600]);
  });
});
