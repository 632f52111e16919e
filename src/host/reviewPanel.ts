/**
 * The review of an answer: one webview beside the draft, showing the user's answer and the model answer side by
 * side, the key-point checklist and the rubric, the rating they propose and the next interval on each of the four
 * buttons. It holds no rule of its own: the form and the proposal are src/core/review, the schedule is the
 * history's. It survives a window reload through its serializer (no `retainContextWhenHidden`).
 */
import * as vscode from 'vscode';
import { modelAnswerText } from '../core/questions';
import type { AttemptEvent, Rating } from '../core/history/events';
import { RUBRIC_LEVELS, rubricFor } from '../core/review/rubric';
import { markKeyPoint, newReviewForm, proposal, type ReviewForm, reviewDetails, scoreCriterion, unjudged } from '../core/review/reviewForm';
import { writtenAnswer } from '../core/draft';
import type { QuestionContext } from '../core/interviewer/prompts';
import type { KeyPointSuggestion } from '../core/interviewer/replies';
import { formatDuration } from '../core/text';
import type { RatingOption } from '../core/review/scheduler';
import { Commands, ContextKeys, Settings as SettingIds, WebviewTypes } from '../ids';
import { ContextKey } from './contextKey';
import type { ReviewMessage, ReviewState } from '../protocol/review';
import type { HistoryService } from './historyService';
import { localDateTime } from './l10n';
import type { LibraryService } from './libraryService';
import type { Settings } from './settings';
import { pageHtml, WebviewPanelHost, webviewOptions } from './webviewPage';

export interface ReviewContext {
  extensionUri: vscode.Uri;
  libraries: LibraryService;
  history: HistoryService;
  log: vscode.LogOutputChannel;
  /** How many questions the due queue still holds after this one, while the user practises it. */
  queueRemaining(): number | undefined;
  /** For Check Against Key Points: the interviewer setting, and where consent to send is remembered. */
  settings: () => Settings;
  state: vscode.Memento;
}

/** Reviews taken one after another (the questions of a mock interview): position, and what comes next. */
export interface ReviewSeries {
  position: number;
  count: number;
  /** After each rating (the session report is rewritten with it). */
  onRated(): void;
  /** The user chose to go on: the next review, or the report after the last. */
  next(): Promise<void>;
}

export class ReviewPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<unknown> {
  private panelValue: ReviewPanel | undefined;
  private readonly open = new ContextKey<boolean>(ContextKeys.reviewOpen);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly context: ReviewContext) {
    this.subscriptions = [vscode.window.registerWebviewPanelSerializer(WebviewTypes.review, this)];
  }

  private get panel(): ReviewPanel | undefined {
    return this.panelValue;
  }

  /** The one review panel; the context key lets the palette offer Rate Answer while it is open. */
  private set panel(panel: ReviewPanel | undefined) {
    this.panelValue = panel;
    this.open.set(panel !== undefined);
  }

  /** Rates the answer under review, as its buttons do (the palette's Rate Answer, keyboard and screen-reader users). */
  async rate(rating: Rating): Promise<boolean> {
    return (await this.panel?.rate(rating)) ?? false;
  }

  /** Check Against Key Points for the answer under review (its button, or the palette). */
  async checkKeyPoints(): Promise<void> {
    if (!this.panel) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a review first: finish an answer, or pick one with Review Answer.'));
      return;
    }
    if (!this.context.settings().interviewerEnabled) {
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The interviewer is off. Turned on, Check Against Key Points sends the question, its key points and your answer to a language model you have in VS Code, only when you click, and shows you exactly what is sent the first time.'), vscode.l10n.t('Turn On and Check'));
      if (!choice) return;
      await vscode.workspace.getConfiguration().update(SettingIds.interviewerEnabled, true, vscode.ConfigurationTarget.Global);
    }
    await this.panel.checkKeyPoints();
  }

  /** The checklist as the review shows it, with the model's suggestions (for tests and screen readers' palette users). */
  keyPoints(): ReviewState['keyPoints'] {
    return this.panel?.keyPoints() ?? [];
  }

  /** The four ratings with their next intervals, for the attempt under review. */
  options(): RatingOption[] {
    return this.panel ? this.context.history.preview(this.panel.status.questionId) : [];
  }

  /**
   * Shows the review of an attempt in the one review panel: in `column` (the player's, so the review sits beside
   * the draft instead of squeezing a third column in), else beside the active editor.
   */
  async show(attemptId: string, column?: vscode.ViewColumn, series?: ReviewSeries): Promise<void> {
    await this.context.history.ready();
    const attempt = this.context.history.current?.attempt(attemptId);
    if (!attempt) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That attempt is no longer in your practice history (it was deleted). Pick another one from the question’s history.'));
      return;
    }
    if (this.panel) {
      await this.panel.load(attempt, series);
      this.panel.reveal();
      return;
    }
    const webviewPanel = vscode.window.createWebviewPanel(WebviewTypes.review, vscode.l10n.t('Review'), { viewColumn: column ?? vscode.ViewColumn.Beside, preserveFocus: false }, webviewOptions(this.context.extensionUri));
    this.panel = await ReviewPanel.create(webviewPanel, attempt, this.context, () => (this.panel = undefined), series);
  }

  /** The attempt under review, if the panel is open. */
  get current(): { attemptId: string; questionId: string; rated: boolean } | undefined {
    return this.panel?.status;
  }

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { parsePersistedReview } = await import('../lazy/protocol');
    const persisted = parsePersistedReview(state);
    await this.context.history.ready();
    const attempt = persisted && this.context.history.current?.attempt(persisted.attemptId);
    if (!attempt || this.panel) {
      webviewPanel.dispose();
      return;
    }
    webviewPanel.webview.options = webviewOptions(this.context.extensionUri);
    this.panel = await ReviewPanel.create(webviewPanel, attempt, this.context, () => (this.panel = undefined));
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

class ReviewPanel extends WebviewPanelHost<ReviewMessage> {
  private attempt!: AttemptEvent;
  private form!: ReviewForm;
  private base!: Omit<ReviewState, 'keyPoints' | 'rubric' | 'proposal' | 'unjudged' | 'options' | 'rated' | 'queue' | 'series' | 'check'> & { rubricLabels?: ReviewState['rubric'] };
  private rated: ReviewState['rated'];
  private series: ReviewSeries | undefined;
  /** What Check Against Key Points sends: the question and the answer as the review shows it. */
  private questionContext: QuestionContext | undefined;
  private answerText = '';
  private suggestions: KeyPointSuggestion[] = [];
  private check = { running: false, problems: [] as string[] };

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly context: ReviewContext,
    onDispose: () => void,
  ) {
    super(panel, { name: 'review', log: context.log, parse: async (raw) => (await import('../lazy/protocol')).parseReviewMessage(raw) }, onDispose);
  }

  static async create(panel: vscode.WebviewPanel, attempt: AttemptEvent, context: ReviewContext, onDispose: () => void, series?: ReviewSeries): Promise<ReviewPanel> {
    const review = new ReviewPanel(panel, context, onDispose);
    await review.prepare(attempt, series);
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.svg');
    panel.webview.html = pageHtml(panel.webview, context.extensionUri, { title: vscode.l10n.t('Review'), styles: ['media/webview.css', 'media/review.css'], script: 'dist/webview/review.js', rootId: 'review', initialState: review.state() });
    review.subscriptions.push(
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible) review.send();
      }),
      context.history.onDidChange(() => review.send()),
    );
    return review;
  }

  get status(): { attemptId: string; questionId: string; rated: boolean } {
    return { attemptId: this.attempt.id, questionId: this.attempt.question, rated: this.rated !== undefined };
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** Shows another attempt in this panel. */
  async load(attempt: AttemptEvent, series?: ReviewSeries): Promise<void> {
    await this.prepare(attempt, series);
    this.send();
  }

  private async prepare(attempt: AttemptEvent, series?: ReviewSeries): Promise<void> {
    const { libraries } = this.context;
    const entry = (await libraries.library()).question(attempt.question);
    const dialogue = entry && (await libraries.full(entry.dialogue.id));
    const question = dialogue?.questions.find((q) => q.id === attempt.question);
    const rubric = dialogue ? rubricFor(dialogue, attempt.budgetSeconds) : undefined;
    this.attempt = attempt;
    this.rated = undefined;
    this.series = series;
    this.suggestions = [];
    this.check = { running: false, problems: [] };
    this.form = newReviewForm({
      questionId: attempt.question,
      attemptId: attempt.id,
      keyPoints: question?.keyPoints ?? [],
      ...(rubric ? { rubric } : {}),
      activeSeconds: attempt.activeSeconds,
      budgetSeconds: attempt.budgetSeconds,
    });
    const draft = await readDraft(attempt.draft, attempt.prompt);
    this.answerText = draft.markdown ?? '';
    this.questionContext = dialogue && question
      ? { dialogueTitle: dialogue.title, level: dialogue.level, question: dialogue.turns[question.turnIndex]?.text ?? question.prompt, keyPoints: question.keyPoints }
      : undefined;
    const over = attempt.overtimeSeconds > 0 ? formatDuration(attempt.overtimeSeconds) : undefined;
    this.base = {
      attemptId: attempt.id,
      question: { id: attempt.question, prompt: question?.prompt ?? attempt.prompt, dialogueTitle: dialogue?.title ?? attempt.dialogue, topic: dialogue?.topic ?? attempt.topic ?? '' },
      time: { used: formatDuration(attempt.activeSeconds), budget: formatDuration(attempt.budgetSeconds), ...(over ? { over } : {}), finished: localDateTime(attempt.at) },
      draft,
      ...(dialogue && question ? { modelAnswer: modelAnswerText(dialogue.turns, question.turnIndex) } : {}),
      levels: RUBRIC_LEVELS.map((level) => level.label),
    };
    this.panel.title = vscode.l10n.t('Review: {0}', truncateTitle(this.base.question.prompt));
  }

  private state(): ReviewState {
    const proposed = proposal(this.form);
    const remaining = this.context.queueRemaining();
    return {
      ...this.base,
      keyPoints: this.form.keyPoints.map((text, i) => ({ text, ...(this.form.marks[i] ? { mark: this.form.marks[i] } : {}), ...suggestionOf(this.suggestions[i]) })),
      ...(this.form.rubric
        ? { rubric: { title: this.form.rubric.title, criteria: this.form.rubric.criteria.map((c) => ({ id: c.id, label: c.label, hint: c.hint, levels: [...c.levels], ...(this.form.scores[c.id] ? { score: this.form.scores[c.id] } : {}) })) } }
        : {}),
      proposal: { rating: proposed.rating, reason: proposed.reason },
      unjudged: unjudged(this.form),
      options: this.context.history.preview(this.attempt.question).map(({ rating, spoken }) => ({ rating, spoken })),
      ...(this.rated ? { rated: this.rated } : {}),
      ...(remaining !== undefined ? { queue: { remaining } } : {}),
      ...(this.series ? { series: { position: this.series.position, count: this.series.count } } : {}),
      ...(this.context.settings().interviewerEnabled && this.form.keyPoints.length > 0 && this.questionContext ? { check: this.check } : {}),
    };
  }

  private send(): void {
    if (!this.disposed) void this.panel.webview.postMessage({ type: 'state', state: this.state() });
  }

  protected async handle(message: ReviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.send();
        return;
      case 'mark':
        this.form = markKeyPoint(this.form, message.index, message.mark);
        this.send();
        return;
      case 'score':
        this.form = scoreCriterion(this.form, message.criterion, message.score);
        this.send();
        return;
      case 'rate':
        await this.rate(message.rating);
        return;
      case 'action':
        await vscode.commands.executeCommand(ACTIONS[message.action], { attemptId: this.attempt.id, questionId: this.attempt.question });
        return;
      case 'checkKeyPoints':
        await this.checkKeyPoints();
        return;
      case 'acceptSuggestions':
        this.suggestions.forEach((suggestion, i) => {
          if (suggestion?.status && (message.index === undefined || message.index === i)) this.form = markKeyPoint(this.form, i, suggestion.status);
        });
        this.send();
        return;
      case 'continue':
        await this.series?.next();
        return;
    }
  }

  keyPoints(): ReviewState['keyPoints'] {
    return this.state().keyPoints;
  }

  /** The model's suggestions pre-fill nothing by themselves: they are shown for the user to accept or change. */
  async checkKeyPoints(): Promise<void> {
    const context = this.questionContext;
    if (!context || this.check.running || !this.context.settings().interviewerEnabled) return;
    const attemptId = this.attempt.id;
    this.check = { running: true, problems: [] };
    this.send();
    const { checkKeyPoints } = await import('../lazy/mock');
    const result = await checkKeyPoints(this.context.state, this.context.log, context, this.answerText, () => void this.checkKeyPoints());
    if (this.disposed || this.attempt.id !== attemptId) return;
    this.suggestions = result?.suggestions ?? this.suggestions;
    this.check = { running: false, problems: result?.problems ?? [] };
    this.send();
  }

  async rate(rating: Rating): Promise<boolean> {
    const option = this.context.history.preview(this.attempt.question).find((o) => o.rating === rating);
    const event = await this.context.history.rate(this.attempt.question, rating, reviewDetails(this.form, proposal(this.form).rating));
    if (!event || this.disposed) return false;
    this.rated = { rating, next: option ? option.spoken : '' };
    this.series?.onRated();
    this.send();
    return true;
  }
}

const ACTIONS: Record<Extract<ReviewMessage, { type: 'action' }>['action'], string> = {
  diff: Commands.compareInDiffEditor,
  openDraft: Commands.openDraft,
  next: Commands.practiseDue,
  history: Commands.showHistory,
};

function suggestionOf(suggestion: KeyPointSuggestion | undefined): Pick<ReviewState['keyPoints'][number], 'suggestion'> {
  if (!suggestion?.status) return {};
  return { suggestion: { mark: suggestion.status, ...(suggestion.quote ? { quote: suggestion.quote } : {}), ...(suggestion.quoteNotFound ? { quoteNotFound: true } : {}) } };
}

/** The answer to show: a mock interview's attempts share the session draft, so only the question's own section. */
async function readDraft(uri: string, prompt: string): Promise<ReviewState['draft']> {
  try {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
    // The session module loads only for a review, never at activation.
    const { sessionDraftAnswer } = await import('../lazy/mock');
    const written = sessionDraftAnswer(text, prompt) ?? writtenAnswer(text);
    return written ? { markdown: written } : { missing: vscode.l10n.t('You wrote nothing in this draft.') };
  } catch {
    return { missing: vscode.l10n.t('The draft file {0} was moved or deleted.', vscode.Uri.parse(uri).fsPath) };
  }
}

function truncateTitle(prompt: string): string {
  return prompt.length <= 40 ? prompt : `${prompt.slice(0, 39).trimEnd()}…`;
}
