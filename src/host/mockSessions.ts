/**
 * The mock interview and the interviewer as activation sees them: the commands, registered at once, and nothing
 * else. The session controller (./mockSession) and the interviewer (./interviewer, vscode.lm) load with `import()`
 * on first use, or at activation only when a session was left running by the last window.
 */
import * as vscode from 'vscode';
import { plural } from '../core/plural';
import { Commands, StateKeys } from '../ids';
import type { MockSession, MockSessionView } from '../core/mock/session';
import type { FinishedSession } from '../core/mock/sessionRecord';
import type { PlayerSession } from '../protocol/player';
import type { AnswerSession } from './answerSession';
import type { HistoryService } from './historyService';
import type { LibraryService } from './libraryService';
import type { MockSessionController } from './mockSession';
import type { PlayerPanels } from './playerPanel';
import type { ReviewPanels } from './reviewPanels';
import type { Settings } from './settings';

export interface MockServices {
  state: vscode.Memento;
  globalStorage: vscode.Uri;
  libraries: LibraryService;
  history: HistoryService;
  answers: AnswerSession;
  reviews: ReviewPanels;
  /** The players, once created (they read the session from here, so they come after). */
  players: () => PlayerPanels;
  settings: () => Settings;
  log: vscode.LogOutputChannel;
}

/** What commands accept: a Topics row (`{ kind: 'dialogue', dialogue }`), `{ dialogueId }`, an id, or nothing. */
type DialogueTarget = { kind?: string; dialogue?: { id: string }; dialogueId?: string } | string | undefined;

export class MockSessions implements vscode.Disposable {
  private loading: Promise<MockSessionController> | undefined;
  private loaded: MockSessionController | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the session starts, moves, pauses, ends, and on each repaint while it runs. */
  readonly onDidChange = this.changed.event;

  constructor(readonly services: MockServices) {}

  /** A session runs (paused or not) and has not ended. False before the controller loaded: then none runs. */
  get running(): boolean {
    return this.loaded?.running ?? false;
  }

  get paused(): boolean {
    return this.loaded?.paused ?? false;
  }

  /** The controller, loaded on first use. */
  controller(): Promise<MockSessionController> {
    this.loading ??= import('../lazy/mock').then(({ MockSessionController }) => {
      this.loaded = new MockSessionController(this.services, () => this.changed.fire());
      return this.loaded;
    });
    return this.loading;
  }

  /**
   * Continues a session a previous window left, from globalState alone (a controller already loaded is replaced);
   * loads nothing when there is none.
   */
  async restore(): Promise<void> {
    if (this.services.state.get(StateKeys.mockSession) === undefined) return;
    this.loaded?.dispose();
    this.loaded = undefined;
    this.loading = undefined;
    await (await this.controller()).restore();
  }

  /** The session and its view now, once the controller is loaded. */
  current(): { session: MockSession; finished?: FinishedSession; view: MockSessionView } | undefined {
    return this.loaded?.snapshot();
  }

  /** What the player of `dialogueId` shows of the session, if that dialogue is the one interviewed. */
  playerSession(dialogueId: string): PlayerSession | undefined {
    return this.loaded?.playerSession(dialogueId);
  }

  registerCommands(): vscode.Disposable[] {
    const run = (id: string, action: (controller: MockSessionController, ...args: never[]) => unknown) =>
      vscode.commands.registerCommand(id, async (...args: never[]) => action(await this.controller(), ...args));
    return [
      run(Commands.startMockInterview, async (controller, target?: DialogueTarget) => {
        const dialogueId = dialogueIdOf(target) ?? (await this.pickDialogue());
        if (dialogueId) await controller.start(dialogueId);
      }),
      run(Commands.nextQuestion, (controller) => controller.next()),
      run(Commands.endInterview, (controller) => controller.end()),
      run(Commands.sessionActions, (controller) => controller.actions()),
      vscode.commands.registerCommand(Commands.askFollowUp, async () => {
        const { askFollowUp } = await import('../lazy/mock');
        await askFollowUp(this, this.services);
      }),
    ];
  }

  /** Staged mock interviews first, then every other dialogue (it runs as one stage). */
  private async pickDialogue(): Promise<string | undefined> {
    const library = await this.services.libraries.library();
    const staged = library.dialogues.filter((d) => d.kind === 'mock');
    const others = library.dialogues.filter((d) => d.kind !== 'mock' && d.questions.length > 0);
    if (staged.length + others.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The library has no dialogue with a question to interview on. Refresh the Topics view, or add a dialogue.'));
      return undefined;
    }
    type Item = vscode.QuickPickItem & { dialogueId?: string };
    const item = (d: (typeof library.dialogues)[number]): Item => ({ label: d.title, description: `${d.topic} · ${d.level}`, detail: [plural(vscode.l10n.t('{0, plural, one {# question} other {# questions}}'), d.questions.length), ...(d.tags.length ? [d.tags.join(', ')] : [])].join(' · '), dialogueId: d.id });
    const items: Item[] = [
      { label: vscode.l10n.t('Staged mock interviews'), kind: vscode.QuickPickItemKind.Separator },
      ...staged.map(item),
      { label: vscode.l10n.t('Any other dialogue (one stage)'), kind: vscode.QuickPickItemKind.Separator },
      ...others.map(item),
    ];
    const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Start Mock Interview'), placeHolder: vscode.l10n.t('Pick a dialogue to be interviewed on'), matchOnDescription: true, matchOnDetail: true });
    return choice?.dialogueId;
  }

  dispose(): void {
    this.loaded?.dispose();
    this.changed.dispose();
  }
}

function dialogueIdOf(target: DialogueTarget): string | undefined {
  if (typeof target === 'string') return target;
  if (!target || typeof target !== 'object') return undefined;
  if (typeof target.dialogueId === 'string') return target.dialogueId;
  return target.kind === 'dialogue' || target.kind === 'question' ? target.dialogue?.id : undefined;
}
