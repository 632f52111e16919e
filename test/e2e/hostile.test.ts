// A dialogue file full of HTML, scripts and dangerous links renders inert in the real player webview.
import * as assert from 'node:assert/strict';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { showTopics } from './support/interview';
import { useSession } from './support/session';
import { expandRow, poll, treeRow, webview } from './support/workbench';

const HOSTILE = `---
topic: Hostile input
---

## Hostile dialogue

- **Id:** hostile

> **Interviewer:** <script>document.title = 'pwned'; window.parent.postMessage({ type: 'answer', questionId: 'x' }, '*')</script>
> <img src="x" onerror="document.title = 'pwned'"> <svg onload="document.title = 'pwned'"></svg>
> <iframe src="https://example.com"></iframe> <style>body { display: none }</style> <div id="player">clobbered</div>
> [a script link](javascript:document.title='pwned') [a data link](data:text/html,<script>alert(1)</script>)
> <a href="#" onclick="document.title = 'pwned'">click me</a> <form action="https://example.com"><input name="q"></form>
>
> [a script link](javascript:document.title='pwned') **Bold text survives.** [A safe link](https://example.com/docs)
> <img src="x" onerror="document.title = 'pwned'"> <a href="#" onclick="document.title = 'pwned'">inline click me</a>
>
> **Candidate:** Fine.
`;

describe('Hostile dialogue files', function () {
  this.timeout(240_000);
  const session = useSession({ settings: { 'interviewDialogues.mode': 'study' } });

  it('render inert: nothing runs, the page title and DOM are untouched', async () => {
    const { page, workspace } = session();
    await fsp.writeFile(path.join(workspace, '.interview', 'hostile.md'), HOSTILE);
    const topics = await showTopics(page);
    const topic = treeRow(topics, 'Hostile input');
    await topic.waitFor({ state: 'visible', timeout: 30_000 });
    await expandRow(topic);
    await treeRow(topics, 'Hostile dialogue').locator('.label-name').click();

    const player = webview(page);
    await poll('the hostile dialogue to render', () => player.locator('h1#dialogue-title').innerText({ timeout: 2000 }), (t) => t.trim() === 'Hostile dialogue', 60_000, 250);
    const turn = player.locator('li.turn[data-index="0"] .turn-body');
    assert.equal(await turn.locator('strong', { hasText: 'Bold text survives.' }).count(), 1, 'ordinary Markdown still renders');
    assert.equal(await turn.locator('a[href="https://example.com/docs"]').count(), 1, 'an https link survives');

    for (const selector of ['script', 'img', 'svg', 'iframe', 'style', 'form', 'input', '[onerror]', '[onload]', '[onclick]', '[id="player"]', 'a[href^="javascript:"]', 'a[href^="data:"]']) {
      assert.equal(await turn.locator(selector).count(), 0, `no ${selector} in the rendered turn`);
    }
    assert.equal(await player.locator('main#player').count(), 1, 'the player root is not clobbered');
    assert.equal(await player.locator('#player').count(), 1);
    await session().screenshot('hostile-rendered');

    // Nothing ran: the webview document's title is still its own, and the player still works.
    assert.equal(await player.locator('title').textContent(), 'Interview Dialogues');
    await turn.locator('a', { hasText: 'inline click me' }).click();
    await player.locator('#next').click();
    await poll('the player to step on', () => player.locator('#position').innerText(), (t) => t.trim() === 'Turn 2 of 2');
    assert.equal(await player.locator('title').textContent(), 'Interview Dialogues');
    assert.equal(await page.locator('.tabs-container .tab[aria-label*=".md"]').count(), 0, 'no answer was started by a forged message');
  });
});
