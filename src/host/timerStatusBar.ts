/** The answer timer in the status bar: shows what `presentTimer` computed, nothing else. */
import * as vscode from 'vscode';
import type { TimerPresentation } from '../core/attempt';
import { Commands, TIMER_STATUS_ITEM } from '../ids';

export class TimerStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(TIMER_STATUS_ITEM, vscode.StatusBarAlignment.Left, 100);

  constructor() {
    this.item.name = vscode.l10n.t('Interview Dialogues Timer');
    this.item.command = Commands.timerActions;
  }

  show(timer: TimerPresentation): void {
    this.item.text = timer.text;
    this.item.tooltip = timer.tooltip;
    this.item.accessibilityInformation = { label: timer.accessibilityLabel, role: 'button' };
    // Only these two theme colours are allowed as status-bar backgrounds.
    this.item.backgroundColor =
      timer.phase === 'overtime' ? new vscode.ThemeColor('statusBarItem.errorBackground') : timer.phase === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
