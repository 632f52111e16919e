/**
 * The getting-started walkthrough, offered once: on the first activation after install, never again. The setting
 * `interviewDialogues.showWalkthroughOnInstall` turns it off (as GitLens' showWelcomeOnInstall does; the test
 * harness turns it off too). VS Code's own `workbench.welcomePage.walkthroughs.openOnInstall` is an application
 * setting that a remote extension host cannot read, so it cannot serve here.
 */
import * as vscode from 'vscode';
import { EXTENSION_ID, SETTINGS_SECTION, StateKeys, WALKTHROUGH_ID } from '../ids';

export async function offerWalkthroughOnce(state: vscode.Memento): Promise<void> {
  if (state.get<boolean>(StateKeys.walkthroughOffered)) return;
  await state.update(StateKeys.walkthroughOffered, true);
  if (!vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('showWalkthroughOnInstall', true)) return;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false);
}
