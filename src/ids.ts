/**
 * Every identifier the extension shares with its manifest (package.json) or with VS Code: commands, views,
 * context keys, the status-bar item, webview types and storage keys. Written once here; a unit test holds
 * package.json to this file, so a renamed command cannot leave a menu or keybinding pointing at nothing.
 */

export const EXTENSION_ID = 'interview-dialogues.interview-dialogues';

/** Command ids (package.json `contributes.commands`). */
export const Commands = {
  openDialogue: 'interviewDialogues.openDialogue',
  answerQuestion: 'interviewDialogues.answerQuestion',
  timerActions: 'interviewDialogues.timerActions',
  pauseTimer: 'interviewDialogues.pauseTimer',
  resumeTimer: 'interviewDialogues.resumeTimer',
  finishAnswer: 'interviewDialogues.finishAnswer',
  abandonAnswer: 'interviewDialogues.abandonAnswer',
  compareWithModelAnswer: 'interviewDialogues.compareWithModelAnswer',
  refresh: 'interviewDialogues.refresh',
  filter: 'interviewDialogues.filter',
  clearFilter: 'interviewDialogues.clearFilter',
  newDialogue: 'interviewDialogues.newDialogue',
  validate: 'interviewDialogues.validate',
  reviewAnswer: 'interviewDialogues.reviewAnswer',
  compareInDiffEditor: 'interviewDialogues.compareInDiffEditor',
  openDraft: 'interviewDialogues.openDraft',
  practiseDue: 'interviewDialogues.practiseDue',
  showHistory: 'interviewDialogues.showHistory',
  suspendQuestion: 'interviewDialogues.suspendQuestion',
  unsuspendQuestion: 'interviewDialogues.unsuspendQuestion',
  resetSchedule: 'interviewDialogues.resetSchedule',
  exportHistory: 'interviewDialogues.exportHistory',
  importHistory: 'interviewDialogues.importHistory',
  rateAnswer: 'interviewDialogues.rateAnswer',
  importTranscript: 'interviewDialogues.importTranscript',
  startMockInterview: 'interviewDialogues.startMockInterview',
  nextQuestion: 'interviewDialogues.nextQuestion',
  endInterview: 'interviewDialogues.endInterview',
  sessionActions: 'interviewDialogues.sessionActions',
  askFollowUp: 'interviewDialogues.askFollowUp',
  checkKeyPoints: 'interviewDialogues.checkKeyPoints',
  showStats: 'interviewDialogues.showStats',
} as const;
export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  container: 'interviewDialogues',
  topics: 'interviewDialogues.topics',
} as const;

/** Context keys the manifest's `when` clauses read. */
export const ContextKeys = {
  attemptActive: 'interviewDialogues.attemptActive',
  timerRunning: 'interviewDialogues.timerRunning',
  timerPaused: 'interviewDialogues.timerPaused',
  filterActive: 'interviewDialogues.filterActive',
  reviewOpen: 'interviewDialogues.reviewOpen',
  /** A mock interview session runs (or is paused); not set once it ended. */
  sessionActive: 'interviewDialogues.sessionActive',
  sessionRunning: 'interviewDialogues.sessionRunning',
  sessionPaused: 'interviewDialogues.sessionPaused',
} as const;

export const WebviewTypes = {
  player: 'interviewDialogues.player',
  review: 'interviewDialogues.review',
  stats: 'interviewDialogues.stats',
} as const;

/** Read-only documents of model answers, for the diff editor. */
export const MODEL_ANSWER_SCHEME = 'interview-dialogues-model';

/** Read-only documents that show what would be sent to a language model before the user agrees. */
export const PREVIEW_SCHEME = 'interview-dialogues-preview';

/** The status-bar item's id (VS Code prefixes it with the extension id). */
export const TIMER_STATUS_ITEM = 'interviewDialogues.timer';
/** The mock interview's status-bar item: stage and both clocks. */
export const SESSION_STATUS_ITEM = 'interviewDialogues.session';

/** globalState keys; the suffix is the version of the stored shape. */
export const StateKeys = {
  activeAttempt: 'interviewDialogues.activeAttempt.v1',
  walkthroughOffered: 'interviewDialogues.walkthroughOffered.v1',
  /** The mock interview session (src/core/mock/sessionRecord.ts `StoredSession`). */
  mockSession: 'interviewDialogues.mockSession.v1',
  /** Models the user agreed to send interviewer requests to (ids), after seeing what is sent. */
  interviewerConsent: 'interviewDialogues.interviewerConsent.v1',
} as const;

/** The getting-started walkthrough (package.json `contributes.walkthroughs`). */
export const WALKTHROUGH_ID = 'gettingStarted';

/** Settings section and the keys other code points users at. */
export const SETTINGS_SECTION = 'interviewDialogues';
export const Settings = {
  draftsFolder: 'interviewDialogues.draftsFolder',
  extraFolders: 'interviewDialogues.extraFolders',
  maxFileSize: 'interviewDialogues.maxFileSize',
  workspaceGlob: 'interviewDialogues.workspaceGlob',
  exclude: 'interviewDialogues.exclude',
  historyFolder: 'interviewDialogues.historyFolder',
  interviewerEnabled: 'interviewDialogues.interviewer.enabled',
} as const;
