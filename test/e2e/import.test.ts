// A person imports the transcript of a real interview and practises with it in the player.
import * as assert from 'node:assert/strict';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { waitForPosition } from './support/interview';
import { useSession } from './support/session';
import { openPaletteWith, poll, runCommand, tabTitles, webview } from './support/workbench';

const TRANSCRIPT = `Acme onsite, system design round

[0:00] Dana: Thanks for coming in. How would you design a rate limiter for our public API?
[0:42] Sam: Per API key, a token bucket in Redis: one INCR with an expiry per window.
It answers 429 with Retry-After when the bucket is empty.
[2:10] Dana: What breaks first at ten times the traffic?
[2:31] Sam: The Redis shard that holds the hottest keys.
`;

describe('Import Transcript', function () {
  this.timeout(240_000);
  const session = useSession();

  it('turns the transcript in the editor into a dialogue in .interview/ that plays in the player', async () => {
    const { page, workspace } = session();
    await fsp.writeFile(path.join(workspace, 'acme-onsite.txt'), TRANSCRIPT);

    // Open the transcript as a person does: Quick Open (the palette without its `>`), then the file's name.
    await openPaletteWith(page, 'acme-onsite.txt');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.monaco-list-row', { hasText: 'acme-onsite.txt' }).first().click();
    await poll('the transcript in an editor', () => tabTitles(page), (titles) => titles.includes('acme-onsite.txt'), 30_000);

    await runCommand(page, 'Interview Dialogues: Import Transcript', 'interviewDialogues.importTranscript');
    await poll('the imported dialogue in an editor', () => tabTitles(page), (titles) => titles.includes('acme-onsite.md'), 30_000);
    const written = await fsp.readFile(path.join(workspace, '.interview', 'acme-onsite.md'), 'utf8');
    assert.match(written, /^---\nspeakers:\n {2}interviewer: \["Dana"\]\n {2}candidate: \["Sam"\]\n---\n\n## Acme onsite\n/);
    assert.match(written, /\*\*Sam:\*\* Per API key, a token bucket in Redis: one INCR with an expiry per window\.\nIt answers 429/);

    const toast = page.locator('.notification-toast', { hasText: 'Imported 4 turns into .interview/acme-onsite.md' });
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    const message = (await toast.innerText()).replace(/\s+/g, ' ');
    assert.match(message, /Guessed: Dana is the interviewer, Sam is the candidate/);
    assert.doesNotMatch(message, /Problems panel/, 'the imported file has no problems');
    await session().screenshot('imported');

    await toast.getByRole('button', { name: 'Play' }).click();
    const player = webview(page);
    await poll('the player to show the imported dialogue', () => player.locator('h1#dialogue-title').innerText({ timeout: 2000 }), (t) => t.trim() === 'Acme onsite', 60_000, 250);
    await waitForPosition(player, 'Turn 1 of 4');
    assert.match(await player.locator('li.turn[data-index="0"]').innerText(), /How would you design a rate limiter for our public API\?/);
    await player.locator('#next').click();
    await waitForPosition(player, 'Turn 2 of 4');
    assert.equal(await player.locator('li.turn[data-index="1"]').getAttribute('data-speaker'), 'candidate');
    await session().screenshot('playing-imported');
  });
});
