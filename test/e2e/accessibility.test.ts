// axe-core inside the extension's webviews, in the light, dark and high-contrast themes: no serious or critical violation.
// (The statistics view and the mock session view are audited in their own end-to-end tests.)
import { auditInEveryTheme, webviewFrame } from './support/a11y';
import { answerTurn, openDialogue, waitForPosition } from './support/interview';
import { useSession } from './support/session';
import { poll } from './support/workbench';

describe('Accessibility of the webviews (axe-core)', function () {
  this.timeout(300_000);
  const session = useSession({ settings: { 'interviewDialogues.mode': 'practice' } });

  it('the player has no serious or critical violation in any theme', async () => {
    const { page } = session();
    const player = await openDialogue(page);
    // Show every kind of turn: a question with its budget, a hidden answer, a revealed answer with key points.
    await player.locator('#next').click();
    await waitForPosition(player, 'Turn 2 of 4');
    await auditInEveryTheme(session(), await webviewFrame(page, '#player'), 'player');
  });

  it('the review has no serious or critical violation in any theme, before and after rating', async () => {
    const { page } = session();
    const player = await openDialogue(page);
    await answerTurn(page, player, 0);
    await page.keyboard.press('Control+Alt+Enter');
    const review = await webviewFrame(page, '#review');
    await poll('the review to show its key points', () => review.locator('input[name="kp0"]').count(), (n) => n > 0, 60_000);
    await review.locator('input[name="kp0"]').first().check();
    await auditInEveryTheme(session(), review, 'review');
    await review.locator('#rate-good').click();
    await poll('the rating to be recorded', () => review.locator('#rated').innerText({ timeout: 2000 }).catch(() => ''), (t) => /Rated Good/.test(t), 20_000);
    await auditInEveryTheme(session(), review, 'review-rated');
  });
});
