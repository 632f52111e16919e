/**
 * The levelled rubrics of the review: one for whole system-design answers, one for behavioural stories. Each
 * criterion is scored on the same four levels, so a score means the same thing everywhere.
 */
import { isFullDesignQuestion } from '../draft';
import type { RubricKind } from '../history/events';
import type { Dialogue } from '../model';
import { isBehaviouralTopic } from '../topics';

export type RubricScore = 1 | 2 | 3 | 4;

/** The four levels, lowest first (index 0 is score 1). */
export const RUBRIC_LEVELS: readonly { score: RubricScore; label: string }[] = [
  { score: 1, label: 'Missing' },
  { score: 2, label: 'Only when prompted' },
  { score: 3, label: 'On your own' },
  { score: 4, label: 'With trade-offs weighed' },
];

export interface RubricCriterion {
  /** Stable id, stored in reviews. */
  id: string;
  label: string;
  /** What the criterion looks at, one line. */
  hint: string;
  /** What each level means for this criterion, score 1 to 4. */
  levels: readonly [string, string, string, string];
}

export interface Rubric {
  kind: RubricKind;
  title: string;
  criteria: readonly RubricCriterion[];
}

export const DESIGN_RUBRIC: Rubric = {
  kind: 'design',
  title: 'System design',
  criteria: [
    {
      id: 'requirements',
      label: 'Requirements and scope',
      hint: 'Functional and non-functional requirements, scale estimates, what is in and out of scope.',
      levels: [
        'Went straight to a solution.',
        'Asked about scale or scope only after the interviewer raised it.',
        'Clarified the requirements and estimated the scale before designing.',
        'Scoped deliberately: said what is left out and why, and how the numbers drive the design.',
      ],
    },
    {
      id: 'highLevelDesign',
      label: 'High-level design',
      hint: 'Components, APIs, data model and the flow of a request through them.',
      levels: [
        'No coherent picture of the components and how data flows.',
        'Components appeared piece by piece as the interviewer asked.',
        'A clear design of components, APIs and data flow that meets the requirements.',
        'Compared alternatives for the main choices (storage, sync or async) and chose with reasons.',
      ],
    },
    {
      id: 'deepDives',
      label: 'Deep dives and bottlenecks',
      hint: 'The hard parts: hot spots, consistency, failure modes, scaling limits.',
      levels: [
        'No bottleneck or failure mode discussed.',
        'Went deeper only where the interviewer pointed.',
        'Found the hard parts and went into them unprompted.',
        'Quantified the bottlenecks and weighed each mitigation against its cost.',
      ],
    },
    {
      id: 'tradeOffs',
      label: 'Trade-offs',
      hint: 'What each decision costs and what would change it.',
      levels: [
        'Presented one option as the answer.',
        'Named trade-offs when asked.',
        'Named the trade-offs of the main decisions.',
        'Weighed them against the requirements and said what would change the decision.',
      ],
    },
    {
      id: 'communication',
      label: 'Communication',
      hint: 'Structure, signposting, checking in, use of time.',
      levels: [
        'Hard to follow, no structure.',
        "The structure came from the interviewer's questions.",
        'Structured and signposted, checked in with the interviewer.',
        'Drove the conversation, managed the time, summarised decisions and open risks.',
      ],
    },
  ],
};

export const BEHAVIOURAL_RUBRIC: Rubric = {
  kind: 'behavioural',
  title: 'Behavioural',
  criteria: [
    {
      id: 'situation',
      label: 'Situation',
      hint: 'The context, what was at stake and your role.',
      levels: [
        'No context: the listener cannot tell what was at stake.',
        'The context came out through follow-up questions.',
        'Concise context, stakes and your role.',
        'Framed the constraints and competing interests that made it hard.',
      ],
    },
    {
      id: 'action',
      label: 'Action',
      hint: 'What you did yourself, not the team.',
      levels: [
        'Said what "we" did, not your part.',
        'Your own actions came out under questioning.',
        'Specific actions you took, in order.',
        'The options you had and why you chose yours.',
      ],
    },
    {
      id: 'result',
      label: 'Result',
      hint: 'The outcome, measured where possible.',
      levels: [
        'No outcome.',
        'A vague outcome, given when asked.',
        'A concrete outcome, measured where possible.',
        'The outcome with its costs and who it affected, good and bad.',
      ],
    },
    {
      id: 'reflection',
      label: 'Reflection',
      hint: 'What you learned and what you do differently since.',
      levels: [
        'No lesson drawn.',
        'A generic lesson, when asked.',
        'A specific lesson and how you applied it later.',
        'What you would do differently, and what that would cost.',
      ],
    },
  ],
};

const RUBRICS: Record<RubricKind, Rubric> = { design: DESIGN_RUBRIC, behavioural: BEHAVIOURAL_RUBRIC };

export function rubricOfKind(kind: RubricKind): Rubric {
  return RUBRICS[kind];
}

/**
 * The rubric a question is reviewed with: design for a whole design question (the rule that gives it the design
 * outline: a design or mock dialogue and at least 15 minutes), behavioural for leadership, collaboration and career
 * dialogues (or a `behavioural` tag), none otherwise (key points and time alone then propose the rating).
 */
export function rubricFor(dialogue: Dialogue, budgetSeconds: number): Rubric | undefined {
  if (isFullDesignQuestion(dialogue, budgetSeconds)) return DESIGN_RUBRIC;
  if (isBehaviouralTopic(dialogue.topic, dialogue.title) || dialogue.tags.some((tag) => /^behaviou?ral$/i.test(tag))) return BEHAVIOURAL_RUBRIC;
  return undefined;
}
