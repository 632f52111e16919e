// In German the extension speaks German: the manifest's strings (the view's name, a command's title in the palette)
// and the extension host's own (a tree row's description, a QuickPick's placeholder). VS Code's own UI stays English:
// no German language pack can be installed here (scripts/vscode-web.mjs, writeStubLanguagePack).
import * as assert from 'node:assert/strict';
import { TOPIC } from './support/interview';
import { useSession } from './support/session';
import { openViewContainer, poll, rowDescription, runCommand, treeRow, viewPane } from './support/workbench';

describe('Languages: German', function () {
  this.timeout(240_000);
  const session = useSession({ locale: 'de' });

  it('names the view, describes its rows and titles the commands in German', async () => {
    const { page } = session();
    await openViewContainer(page);
    const topics = viewPane(page, 'Themen');
    await topics.waitFor({ state: 'visible', timeout: 30_000 });
    const topic = treeRow(topics, TOPIC);
    await topic.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await rowDescription(topic), /^\d+ Dialoge?$/, 'the topic counts its dialogues in German');
    await session().screenshot('topics-in-german');

    await runCommand(page, 'Interview Dialogues: Dialog öffnen', 'interviewDialogues.openDialogue', { keepOpen: true });
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await poll('the dialogue picker', () => input.getAttribute('placeholder'), (text) => text === 'Tippen, um Dialoge nach Titel, Thema oder Tag zu suchen');
    await session().screenshot('open-dialogue-in-german');
  });
});
