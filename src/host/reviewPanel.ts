/**
 * One review panel (see src/host/reviewPanels.ts, which keeps it): the state it draws from the attempt, the rubric,
 * the key-point form and the proposed rating, and what its buttons do. Loaded with the practice chunk when a
 * review first opens (dist/lazy-practice.js).
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
import { Commands } from '../ids';
import type { ReviewMessage, ReviewState } from '../protocol/review';
import { localDateTime } from './l10n';
import type { ReviewContext, ReviewSeries } from './reviewPanels';
import { pageHtml, WebviewPanelHost } from './webviewPage';

export class ReviewPanel extends WebviewPanelHost<ReviewMessage> {
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
