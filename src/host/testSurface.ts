/**
 * What the integration tests may read of the running extension. `activate` returns it only when VS Code runs the
 * extension under test (`ExtensionMode.Test`); a user's VS Code gets nothing. It only observes: tests drive the
 * extension through its commands and the vscode API, as a user or another extension would.
 */
import type * as vscode from 'vscode';
import type { ActiveAttempt } from '../core/attempt';
import type { Attempt } from '../core/attempts';
import type { Library } from '../core/library';
import type { Dialogue } from '../core/model';
import type { PlayerTimer } from '../protocol/player';
import type { AnswerSession } from './answerSession';
import type { LibraryService } from './libraryService';
import type { PlayerPanels } from './playerPanel';
import type { ProgressService } from './progressService';
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
  /** Every finished attempt in the history. */
  attempts(): Promise<readonly Attempt[]>;
  /** An open player's place, or undefined when the dialogue has no open player. */
  player(dialogueId: string): { position: number; missing: boolean } | undefined;
}

export interface Observed {
  tree: TopicsTreeProvider;
  treeView: vscode.TreeView<TreeNode>;
  libraries: LibraryService;
  session: AnswerSession;
  progress: ProgressService;
  players: PlayerPanels;
}

export function testSurface(services: Observed): TestSurface {
  const { tree, treeView, libraries, session, progress, players } = services;
  return {
    tree,
    topicsDescription: () => treeView.description,
    library: () => libraries.library(),
    fullDialogue: (id) => libraries.full(id),
    sourceProblems: () => libraries.lastProblems().map((problem) => problem.message),
    attempt: () => session.current,
    playerTimer: () => session.playerTimer(),
    attempts: async () => {
      await progress.ready();
      return progress.attempts();
    },
    player: (dialogueId) => players.get(dialogueId)?.place,
  };
}
