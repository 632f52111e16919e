/**
 * The getting-started walkthrough, offered once: on the first activation after install, never again. A user who
 * turned off `workbench.welcomePage.walkthroughs.openOnInstall` is not shown it (the test harness does the same).
 */
import * as vscode from 'vscode';
import { EXTENSION_ID, StateKeys, WALKTHROUGH_ID } from '../ids';

export async function offerWalkthroughOnce(state: vscode.Memento): Promise<void> {
  if (state.get<boolean>(StateKeys.walkthroughOffered)) return;
  await state.update(StateKeys.walkthroughOffered, true);
  if (!vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true)) return;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false);
}
