/** The dialogue model shared by the parser, the library index, the CLI, the tree and the player. */

export type Speaker = 'interviewer' | 'candidate';

export const LEVELS = ['junior', 'mid', 'senior', 'staff', 'principal'] as const;
export type Level = (typeof LEVELS)[number];

export type DialogueKind = 'dialogue' | 'mock';

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a dialogue file. Lines and columns are 1-based, as editors and compilers print them. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** Last line/column (1-based, end column exclusive) of the text the problem is about; defaults to the line's end. */
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  message: string;
}

export interface Turn {
  speaker: Speaker;
  /** Markdown source of the turn, wrapping quotes removed. Rendered (and sanitized) only by the player. */
  text: string;
  /** 1-based line of the speaker label. */
  line: number;
  /** Title of the mock-interview stage the turn belongs to, if any. */
  stage?: string;
}

/** An interviewer turn: something the user can answer against the clock. */
export interface Question {
  /** `<dialogue id>#q<n>`, n counting interviewer turns from 1. History is keyed on it. */
  id: string;
  /** Index of the interviewer turn in `Dialogue.turns`. */
  turnIndex: number;
  /** The question as plain text on one line (for tree labels, status bar, draft titles). */
  prompt: string;
  /** Answer time budget in seconds, when the file gives one (per question, else per dialogue/file). */
  budgetSeconds?: number;
  keyPoints: string[];
}

export interface Stage {
  title: string;
  budgetSeconds?: number;
  /** Index of the first turn of the stage in `Dialogue.turns`. */
  firstTurnIndex: number;
}

export interface Dialogue {
  id: string;
  title: string;
  topic: string;
  level: Level;
  kind: DialogueKind;
  tags: string[];
  /** Path of the file as given to the parser (a path or a URI string). */
  file: string;
  /** 1-based line of the `##` heading. */
  line: number;
  turns: Turn[];
  questions: Question[];
  stages: Stage[];
  /** Key points for the dialogue as a whole. */
  keyPoints: string[];
  /** Markdown between the heading and the first turn that is not metadata: the scenario, say. */
  intro?: string;
  /**
   * True for an index entry: what the tree needs (titles, metadata, question prompts) without turn texts, key
   * points or intro, so a large library stays small in memory. `LibraryLoader.full` reads the whole dialogue.
   */
  partial?: boolean;
  /** Id and label of the source the file came from (set by the library loader). */
  source?: string;
  sourceLabel?: string;
}

/** Text under a `#` heading outside any dialogue: advice shown beside the dialogues, such as the seed's tip. */
export interface Guidance {
  title: string;
  /** Markdown. */
  text: string;
  file: string;
  line: number;
}

export interface ParseResult {
  dialogues: Dialogue[];
  guidance: Guidance[];
  diagnostics: Diagnostic[];
}
