// A person writes their own dialogue: New Dialogue creates it in .interview/ and the tree shows it at once.
import * as assert from 'node:assert/strict';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { showTopics } from './support/interview';
import { useSession } from './support/session';
import { poll, runCommand, tabTitles, treeRow } from './support/workbench';

describe('New Dialogue', function () {
  this.timeout(240_000);
  const session = useSession();

  it('creates a dialogue from the template in .interview/, opens it, and the tree shows it', async () => {
    const { page, workspace } = session();
    const topics = await showTopics(page);
    // The palette hands over to the command's own input box, so the widget never closes in between.
    await runCommand(page, 'Interview Dialogues: New Dialogue', 'interviewDialogues.newDialogue', { keepOpen: true });
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    await poll('the title prompt', () => widget.innerText(), (text) => /Title of the dialogue/.test(text));
    await input.fill('Our design round');
    await page.keyboard.press('Enter');
    await poll('the topic prompt', () => input.inputValue(), (value) => value === 'System design');
    await input.fill('Team loop');
    await page.keyboard.press('Enter');

    await poll('the new file in an editor', () => tabTitles(page), (titles) => titles.includes('our-design-round.md'), 30_000);
    const text = await fsp.readFile(path.join(workspace, '.interview', 'our-design-round.md'), 'utf8');
    assert.match(text, /^---\ntopic: Team loop\n/);
    assert.match(text, /## Our design round/);
    await treeRow(topics, 'Team loop').waitFor({ state: 'visible', timeout: 30_000 });
    await session().screenshot('new-dialogue');
  });
});
