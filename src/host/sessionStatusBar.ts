/** The mock interview in the status bar: stage and both clocks, as `viewSession` computed them; a click offers the actions. */
import * as vscode from 'vscode';
import type { MockSessionView } from '../core/mock/session';
import { Commands, SESSION_STATUS_ITEM } from '../ids';

export class SessionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(SESSION_STATUS_ITEM, vscode.StatusBarAlignment.Left, 100);

  constructor() {
    this.item.name = vscode.l10n.t('Interview Dialogues Mock Interview');
    this.item.command = Commands.sessionActions;
  }

  /** @param reviewing `2 of 5` while the user goes through the reviews after the end. */
  show(view: MockSessionView, reviewing?: string): void {
    const icon = view.ended ? '$(checklist)' : view.paused ? '$(debug-pause)' : '$(mortar-board)';
    this.item.text = `${icon} ${view.ended && reviewing ? vscode.l10n.t('Interview over · review {0}', reviewing) : view.statusText}`;
    const hint = view.ended ? vscode.l10n.t('Click to go on with the reviews or see the report.') : vscode.l10n.t('Click for Pause, Next Question and End Interview.');
    this.item.tooltip = `${view.description} ${hint}`;
    this.item.accessibilityInformation = { label: `${view.description} ${hint}`, role: 'button' };
    // Only these two theme colours are allowed as status-bar backgrounds; the more urgent clock decides.
    const phases = view.ended ? [] : [view.stage.phase, view.session.phase];
    this.item.backgroundColor = phases.includes('overtime')
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : phases.includes('warning')
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
