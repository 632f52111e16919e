/**
 * The player: one webview panel per dialogue. It holds no business logic: it turns the library, the practice
 * history and the running attempt into a `PlayerState`, and turns validated webview messages into commands.
 * State survives hiding and window reloads through the webview's own state and a `WebviewPanelSerializer`
 * (no `retainContextWhenHidden`).
 */
import * as vscode from 'vscode';
import type { Library } from '../core/library';
import type { Dialogue } from '../core/model';
import { formatDuration } from '../core/text';
import { budgetOf } from '../core/draft';
import { Commands, type CommandId, WebviewTypes } from '../ids';
import type { HostMessage, PersistedPlayerState, PlayerMode, PlayerState, PlayerStream, WebviewMessage } from '../protocol/player';
import type { AnswerSession } from './answerSession';
import type { MockSessions } from './mockSessions';
import type { LibraryService } from './libraryService';
import type { HistoryService } from './historyService';
import type { Settings } from './settings';
import { pageHtml, WebviewPanelHost, webviewOptions } from './webviewPage';

export interface PlayerContext {
  extensionUri: vscode.Uri;
  libraries: LibraryService;
  history: HistoryService;
  session: AnswerSession;
  /** The mock interview: a dialogue being interviewed shows its session view instead of its turns. */
  mock: MockSessions;
  settings: () => Settings;
  log: vscode.LogOutputChannel;
}

/** Opens, finds and restores player panels; at most one per dialogue. */
export class PlayerPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<unknown> {
  private readonly panels = new Map<string, PlayerPanel>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly context: PlayerContext) {
    this.subscriptions = [
      vscode.window.registerWebviewPanelSerializer(WebviewTypes.player, this),
      context.libraries.onDidLoad(({ library }) => this.panels.forEach((panel) => void panel.libraryChanged(library))),
      context.history.onDidChange(() => this.panels.forEach((panel) => panel.sendState())),
      context.session.onDidChange(() => this.panels.forEach((panel) => panel.sendTimer())),
      context.mock.onDidChange(() => this.panels.forEach((panel) => panel.sendSession())),
    ];
  }

  /** Shows the dialogue's player (creating it if needed), optionally at a turn and with a candidate turn revealed. */
  async show(dialogueId: string, options: { turnIndex?: number; reveal?: number } = {}): Promise<PlayerPanel | undefined> {
    let panel = this.panels.get(dialogueId);
    if (!panel) {
      const dialogue = await this.context.libraries.full(dialogueId);
      if (!dialogue) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The dialogue “{0}” is not in the library any more. Refresh the Topics view to see what is.', dialogueId));
        return undefined;
      }
      panel = this.panels.get(dialogueId); // another call may have opened it meanwhile
      if (!panel) {
        const webviewPanel = vscode.window.createWebviewPanel(WebviewTypes.player, dialogue.title, vscode.ViewColumn.Active, webviewOptions(this.context.extensionUri));
        panel = this.adopt(webviewPanel, { dialogueId, position: 0, revealed: [] }, dialogue, await this.context.libraries.library());
      }
    }
    panel.navigate(options.turnIndex, options.reveal);
    panel.reveal();
    return panel;
  }

  /** Re-sends every player's state (after a settings change). */
  refreshAll(): void {
    this.panels.forEach((panel) => panel.sendState());
  }

  /** The panel of a dialogue, if open. */
  get(dialogueId: string): PlayerPanel | undefined {
    return this.panels.get(dialogueId);
  }

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { parsePersistedPlayerState } = await import('../lazy/protocol');
    const persisted = parsePersistedPlayerState(state);
    if (!persisted || this.panels.has(persisted.dialogueId)) {
      // Nothing to restore it to (an older version's state, or a duplicate): close it rather than show a blank panel.
      webviewPanel.dispose();
      return;
    }
    webviewPanel.webview.options = webviewOptions(this.context.extensionUri);
    const dialogue = await this.context.libraries.full(persisted.dialogueId);
    this.adopt(webviewPanel, persisted, dialogue, await this.context.libraries.library());
  }

  private adopt(webviewPanel: vscode.WebviewPanel, state: PersistedPlayerState, dialogue: Dialogue | undefined, library: Library): PlayerPanel {
    const panel = new PlayerPanel(webviewPanel, state, dialogue, library, this.context, () => this.panels.delete(state.dialogueId));
    this.panels.set(state.dialogueId, panel);
    return panel;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const panel of [...this.panels.values()]) panel.dispose();
  }
}

export class PlayerPanel extends WebviewPanelHost<WebviewMessage> {
  /** The id this panel plays, kept while the dialogue is missing so it comes back when its file does. */
  private readonly dialogueKey: string;
  private dialogue: Dialogue | undefined;
  private missingTitle: string | undefined;
  private position: number;
  private revealed: Set<number>;
  private mode: PlayerMode | undefined;
  private guidance: { title: string; text: string }[];
  /** The interviewer's follow-up being streamed, or the last one asked (until the next). */
  private streamed: PlayerStream | undefined;
  /** The page's last move applied here (see `withUnseenMoves`); a page starting afresh counts from 0 again. */
  private movesSeen = 0;
  private pageStarted: () => void = () => undefined;
  /** Settles once the page's script runs and asks for its state (its first `ready`). */
  readonly started = new Promise<void>((resolve) => (this.pageStarted = resolve));

  constructor(
    panel: vscode.WebviewPanel,
    persisted: PersistedPlayerState,
    dialogue: Dialogue | undefined,
    library: Library,
    private readonly context: PlayerContext,
    onDispose: () => void,
  ) {
    super(panel, { name: 'player', log: context.log, parse: async (raw) => (await import('../lazy/protocol')).parseWebviewMessage(raw) }, onDispose);
    this.dialogueKey = persisted.dialogueId;
    this.dialogue = dialogue;
    this.missingTitle = this.dialogue ? undefined : persisted.dialogueId;
    this.guidance = guidanceFor(this.dialogue, library);
    this.position = persisted.position;
    this.revealed = new Set(persisted.revealed);
    this.mode = persisted.mode;
    this.clampPosition();
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.svg');
    if (this.dialogue) panel.title = this.dialogue.title;
    // The first paint needs no round trip: the full state is in the HTML.
    panel.webview.html = pageHtml(panel.webview, context.extensionUri, { title: 'Interview Dialogues', styles: ['media/webview.css', 'media/player.css'], script: 'dist/webview/player.js', rootId: 'player', initialState: this.state() });
    this.subscriptions.push(
      // Messages to a hidden webview can be lost: resend the whole state when it shows again.
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible) this.sendState();
      }),
    );
  }

  /** Where the player stands, and whether its dialogue was deleted from its file (the webview then says so). */
  get place(): { position: number; missing: boolean } {
    return { position: this.position, missing: this.dialogue === undefined };
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** The editor column the player shows in. */
  get column(): vscode.ViewColumn | undefined {
    return this.panel.viewColumn;
  }

  navigate(turnIndex: number | undefined, reveal: number | undefined): void {
    if (turnIndex !== undefined) this.position = turnIndex;
    if (reveal !== undefined) {
      this.revealed.add(reveal);
      this.position = Math.max(this.position, reveal);
    }
    this.clampPosition();
    this.sendState();
  }

  async libraryChanged(library: Library): Promise<void> {
    const entry = library.dialogue(this.dialogueKey);
    const next = entry ? await this.context.libraries.full(this.dialogueKey) : undefined;
    if (this.disposed) return;
    if (!next && this.dialogue) this.missingTitle = this.dialogue.title;
    this.dialogue = next;
    if (next) {
      this.missingTitle = undefined;
      this.panel.title = next.title;
    }
    this.guidance = guidanceFor(this.dialogue, library);
    this.clampPosition();
    this.sendState();
  }

  sendState(): void {
    this.post({ type: 'state', state: this.state() });
  }

  sendTimer(): void {
    // A hidden panel gets nothing; it receives the full state when it becomes visible again.
    if (this.panel.visible) this.post({ type: 'timer', timer: this.context.session.playerTimer() });
  }

  /** The session view, sent while visible (each second while the interview runs); a hidden panel gets it on showing. */
  sendSession(): void {
    if (!this.panel.visible) return;
    const session = this.context.mock.playerSession(this.dialogueKey);
    // A finished follow-up now shown among the session's prompts is no longer a stream of its own.
    const streamed = this.streamed;
    if (streamed && streamed.state !== 'streaming' && session?.items.some((item) => item.kind === 'follow-up' && item.text === streamed.text)) this.stream(undefined);
    this.post({ type: 'session', session });
  }

  /** The interviewer's follow-up being streamed, or the last one (until the next). */
  get lastStream(): PlayerStream | undefined {
    return this.streamed;
  }

  /** Shows the interviewer's reply as it streams in (model text: the webview sanitises it like dialogue text). */
  stream(stream: PlayerStream | undefined): void {
    this.streamed = stream;
    this.post({ type: 'stream', stream });
  }

  /** Says something to screen readers in the player (a stage's time is up). */
  announce(text: string): void {
    this.post({ type: 'announce', text });
  }

  private post(message: HostMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private state(): PlayerState {
    const settings = this.context.settings();
    const dialogue = this.dialogue;
    const questionAt = new Map(dialogue?.questions.map((q) => [q.turnIndex, q]));
    const answered: PlayerState['answered'] = {};
    for (const question of dialogue?.questions ?? []) {
      const progress = this.context.history.progress(question.id);
      if (progress) answered[question.id] = { attempts: progress.attempts, bestLabel: formatDuration(progress.bestSeconds) };
    }
    return {
      dialogue: dialogue
        ? {
            id: dialogue.id,
            title: dialogue.title,
            topic: dialogue.topic,
            level: dialogue.level,
            tags: dialogue.tags,
            ...(dialogue.intro ? { intro: dialogue.intro } : {}),
            turns: dialogue.turns.map((turn, index) => {
              const question = questionAt.get(index);
              return {
                speaker: turn.speaker,
                text: turn.text,
                ...(turn.stage ? { stage: turn.stage } : {}),
                ...(question ? { questionId: question.id, budgetLabel: formatDuration(budgetOf(dialogue, question, settings)), keyPoints: question.keyPoints } : {}),
              };
            }),
          }
        : null,
      ...(this.missingTitle ? { missingTitle: this.missingTitle } : {}),
      guidance: this.guidance,
      position: this.position,
      revealed: [...this.revealed].sort((a, b) => a - b),
      movesSeen: this.movesSeen,
      mode: this.mode ?? settings.mode,
      speed: settings.playbackSpeed,
      answered,
      timer: this.context.session.playerTimer(),
      ...this.sessionParts(),
    };
  }

  private sessionParts(): Pick<PlayerState, 'session' | 'stream'> {
    const session = this.context.mock.playerSession(this.dialogueKey);
    return { ...(session ? { session } : {}), ...(this.streamed ? { stream: this.streamed } : {}) };
  }

  protected async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.movesSeen = 0;
        this.pageStarted();
        this.sendState();
        return;
      case 'position':
        this.movesSeen = message.move;
        this.position = message.index;
        this.clampPosition();
        return;
      case 'reveal':
        this.movesSeen = message.move;
        this.revealed.add(message.turnIndex);
        return;
      case 'setMode':
        this.mode = message.mode;
        this.sendState();
        return;
      case 'answer':
        await vscode.commands.executeCommand(Commands.answerQuestion, { questionId: message.questionId });
        return;
      case 'timerAction':
        await vscode.commands.executeCommand(TIMER_ACTIONS[message.action]);
        return;
      case 'close':
        this.panel.dispose();
        return;
      case 'sessionAction':
        await vscode.commands.executeCommand(SESSION_ACTIONS[message.action]);
        return;
    }
  }

  private clampPosition(): void {
    const last = Math.max(0, (this.dialogue?.turns.length ?? 1) - 1);
    this.position = Math.min(Math.max(0, this.position), last);
  }
}

const TIMER_ACTIONS: Record<Extract<WebviewMessage, { type: 'timerAction' }>['action'], CommandId> = {
  pause: Commands.pauseTimer,
  resume: Commands.resumeTimer,
  finish: Commands.finishAnswer,
  compare: Commands.compareWithModelAnswer,
};

const SESSION_ACTIONS: Record<Extract<WebviewMessage, { type: 'sessionAction' }>['action'], CommandId> = {
  next: Commands.nextQuestion,
  end: Commands.endInterview,
  askFollowUp: Commands.askFollowUp,
  pause: Commands.pauseTimer,
  resume: Commands.resumeTimer,
  // After the end, End Interview goes on with the reviews.
  continueReviews: Commands.endInterview,
};

/** The tips written in the dialogue's own file (a pack's closing advice belongs to its dialogues). */
function guidanceFor(dialogue: Dialogue | undefined, library: Library): { title: string; text: string }[] {
  return library.guidance.filter((tip) => tip.file === dialogue?.file).map(({ title, text }) => ({ title, text }));
}
