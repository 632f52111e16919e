/**
 * What the integration tests may read of the running extension. `activate` returns it only when VS Code runs the
 * extension under test (`ExtensionMode.Test`); a user's VS Code gets nothing. It only observes: tests drive the
 * extension through its commands and the vscode API, as a user or another extension would.
 */
import type * as vscode from 'vscode';
import type { ActiveAttempt } from '../core/attempt';
import type { History } from '../core/history/history';
import type { Library } from '../core/library';
import type { Dialogue } from '../core/model';
import type { QuestionCard } from '../core/review/scheduler';
import type { MockSession, MockSessionView } from '../core/mock/session';
import type { FinishedSession } from '../core/mock/sessionRecord';
import type { PlayerSession, PlayerStream, PlayerTimer } from '../protocol/player';
import type { ReviewState } from '../protocol/review';
import type { StatsState } from '../protocol/stats';
import { StateKeys } from '../ids';
import type { MockSessions } from './mockSessions';
import type { AnswerSession } from './answerSession';
import type { LibraryService } from './libraryService';
import type { PlayerPanels } from './playerPanel';
import type { ReviewPanels } from './reviewPanels';
import type { HistoryService } from './historyService';
import type { StatsPanels } from './statsPanels';
import type { TopicsTreeProvider, TreeNode } from './topicsTree';

export interface TestSurface {
  /** The Topics view's data provider, as VS Code itself calls it. */
  readonly tree: vscode.TreeDataProvider<TreeNode>;
  /** The Topics view's description (what the filter shows), as the view's title shows it. */
  topicsDescription(): string | undefined;
  library(): Promise<Library>;
  /** A whole dialogue, read from its file now (the library holds index entries). */
  fullDialogue(id: string): Promise<Dialogue | undefined>;
  /** Source-level problems of the last load (a missing extra folder, say). */
  sourceProblems(): string[];
  /** The attempt being answered, and what the player shows of its clock. */
  attempt(): ActiveAttempt | undefined;
  playerTimer(): PlayerTimer | null;
  /** The merged practice history (attempts, reviews, schedules). */
  history(): Promise<History>;
  /** An open player's place, or undefined when the dialogue has no open player. */
  player(dialogueId: string): { position: number; missing: boolean } | undefined;
  /** A question's schedule (FSRS card), once the history is loaded. */
  card(questionId: string): QuestionCard | undefined;
  /** The attempt the review panel shows, if it is open. */
  review(): { attemptId: string; questionId: string; rated: boolean } | undefined;
  /** The Topics view's badge (questions to practise today). */
  topicsBadge(): vscode.ViewBadge | undefined;
  /** The folder the history is read from and written to. */
  historyFolder(): vscode.Uri;
  /** How the history was last read: through this machine's checkpoint, or in full and why. */
  historyRead(): { rebuilt?: string; parsed: number } | undefined;
  /** The mock interview, as its controller holds it (undefined when none, or none loaded). */
  mockSession(): { session: MockSession; finished?: FinishedSession; view: MockSessionView } | undefined;
  /** What the player of a dialogue shows of the session, and of a streamed follow-up. */
  playerSession(dialogueId: string): PlayerSession | undefined;
  playerStream(dialogueId: string): PlayerStream | undefined;
  /** Runs the activation's restore of a mock interview again: a new controller from globalState alone, as after a reload. */
  restoreMockSession(): Promise<void>;
  /** The review's checklist with the model's suggestions. */
  reviewKeyPoints(): ReviewState['keyPoints'];
  /**
   * Records consent to send interviewer requests to a model (`vendor/id`), as choosing Send in the first-use
   * dialog does: a modal dialog cannot be answered from inside the extension host (the e2e tests answer it).
   */
  allowInterviewer(model: string): Promise<void>;
  /** What the statistics view shows, if it is open. */
  stats(): StatsState | undefined;
  /** The extension's global storage folder, where the activation shell keeps its code cache. */
  readonly globalStorage: vscode.Uri;
}

export interface Observed {
  tree: TopicsTreeProvider;
  treeView: vscode.TreeView<TreeNode>;
  libraries: LibraryService;
  session: AnswerSession;
  history: HistoryService;
  players: PlayerPanels;
  reviews: ReviewPanels;
  mock: MockSessions;
  state: vscode.Memento;
  stats: StatsPanels;
  globalStorage: vscode.Uri;
}

export function testSurface(services: Observed): TestSurface {
  const { tree, treeView, libraries, session, history, players, reviews, mock, state, stats, globalStorage } = services;
  return {
    tree,
    topicsDescription: () => treeView.description,
    library: () => libraries.library(),
    fullDialogue: (id) => libraries.full(id),
    sourceProblems: () => libraries.lastProblems().map((problem) => problem.message),
    attempt: () => session.current,
    playerTimer: () => session.playerTimer(),
    history: async () => {
      await history.ready();
      return history.current!;
    },
    player: (dialogueId) => players.get(dialogueId)?.place,
    card: (questionId) => history.card(questionId),
    review: () => reviews.current,
    topicsBadge: () => treeView.badge,
    historyFolder: () => history.folder,
    historyRead: () => history.read,
    mockSession: () => mock.current(),
    playerSession: (dialogueId) => mock.playerSession(dialogueId),
    playerStream: (dialogueId) => players.get(dialogueId)?.lastStream,
    restoreMockSession: () => mock.restore(),
    reviewKeyPoints: () => reviews.keyPoints(),
    allowInterviewer: async (model) => {
      const agreed = state.get<string[]>(StateKeys.interviewerConsent, []);
      if (!agreed.includes(model)) await state.update(StateKeys.interviewerConsent, [...agreed, model]);
    },
    stats: () => stats.shown,
    globalStorage,
  };
}
