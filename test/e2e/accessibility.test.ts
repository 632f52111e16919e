// axe-core inside the extension's webviews, in the light, dark and high-contrast themes: no serious or critical violation.
import * as assert from 'node:assert/strict';
import { describeViolations, seriousViolations, setTheme, type ThemeKind, webviewFrame } from './support/a11y';
import { openDialogue, waitForPosition } from './support/interview';
import { useSession } from './support/session';

describe('Accessibility of the webviews (axe-core)', function () {
  this.timeout(300_000);
  const session = useSession({ settings: { 'interviewDialogues.mode': 'practice' } });

  it('the player has no serious or critical violation in any theme', async () => {
    const { page } = session();
    const player = await openDialogue(page);
    // Show every kind of turn: a question with its budget, a hidden answer, a revealed answer with key points.
    await player.locator('#next').click();
    await waitForPosition(player, 'Turn 2 of 4');
    const frame = await webviewFrame(page, '#player');
    for (const kind of ['dark', 'light', 'high-contrast', 'high-contrast-light'] as ThemeKind[]) {
      await setTheme(session(), kind, frame);
      await session().screenshot(`player-${kind}`);
      const violations = await seriousViolations(frame);
      assert.deepEqual(violations, [], `${kind} theme:\n${describeViolations(violations)}`);
    }
  });
});
