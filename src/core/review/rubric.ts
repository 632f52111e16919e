/**
 * The levelled rubrics of the review: one for whole system-design answers, one for behavioural stories. Each
 * criterion is scored on the same four levels, so a score means the same thing everywhere.
 */
import * as l10n from '@vscode/l10n';
import { isFullDesignQuestion } from '../draft';
import type { RubricKind } from '../history/events';
import type { Dialogue } from '../model';
import { isBehaviouralTopic } from '../topics';

export type RubricScore = 1 | 2 | 3 | 4;

/**
 * The four levels, lowest first (index 0 is score 1). The texts are getters, like the rubrics' below: these tables
 * are built when the bundle loads, before the display language is set.
 */
export const RUBRIC_LEVELS: readonly { score: RubricScore; label: string }[] = [
  { score: 1, get label() { return l10n.t('Missing'); } },
  { score: 2, get label() { return l10n.t('Only when prompted'); } },
  { score: 3, get label() { return l10n.t('On your own'); } },
  { score: 4, get label() { return l10n.t('With trade-offs weighed'); } },
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
  get title() {
    return l10n.t('System design');
  },
  get criteria(): readonly RubricCriterion[] {
    return [
      {
        id: 'requirements',
        label: l10n.t('Requirements and scope'),
        hint: l10n.t('Functional and non-functional requirements, scale estimates, what is in and out of scope.'),
        levels: [
          l10n.t('Went straight to a solution.'),
          l10n.t('Asked about scale or scope only after the interviewer raised it.'),
          l10n.t('Clarified the requirements and estimated the scale before designing.'),
          l10n.t('Scoped deliberately: said what is left out and why, and how the numbers drive the design.'),
        ],
      },
      {
        id: 'highLevelDesign',
        label: l10n.t('High-level design'),
        hint: l10n.t('Components, APIs, data model and the flow of a request through them.'),
        levels: [
          l10n.t('No coherent picture of the components and how data flows.'),
          l10n.t('Components appeared piece by piece as the interviewer asked.'),
          l10n.t('A clear design of components, APIs and data flow that meets the requirements.'),
          l10n.t('Compared alternatives for the main choices (storage, sync or async) and chose with reasons.'),
        ],
      },
      {
        id: 'deepDives',
        label: l10n.t('Deep dives and bottlenecks'),
        hint: l10n.t('The hard parts: hot spots, consistency, failure modes, scaling limits.'),
        levels: [
          l10n.t('No bottleneck or failure mode discussed.'),
          l10n.t('Went deeper only where the interviewer pointed.'),
          l10n.t('Found the hard parts and went into them unprompted.'),
          l10n.t('Quantified the bottlenecks and weighed each mitigation against its cost.'),
        ],
      },
      {
        id: 'tradeOffs',
        label: l10n.t('Trade-offs'),
        hint: l10n.t('What each decision costs and what would change it.'),
        levels: [
          l10n.t('Presented one option as the answer.'),
          l10n.t('Named trade-offs when asked.'),
          l10n.t('Named the trade-offs of the main decisions.'),
          l10n.t('Weighed them against the requirements and said what would change the decision.'),
        ],
      },
      {
        id: 'communication',
        label: l10n.t('Communication'),
        hint: l10n.t('Structure, signposting, checking in, use of time.'),
        levels: [
          l10n.t('Hard to follow, no structure.'),
          l10n.t("The structure came from the interviewer's questions."),
          l10n.t('Structured and signposted, checked in with the interviewer.'),
          l10n.t('Drove the conversation, managed the time, summarised decisions and open risks.'),
        ],
      },
    ];
  },
};

export const BEHAVIOURAL_RUBRIC: Rubric = {
  kind: 'behavioural',
  get title() {
    return l10n.t('Behavioural');
  },
  get criteria(): readonly RubricCriterion[] {
    return [
      {
        id: 'situation',
        label: l10n.t('Situation'),
        hint: l10n.t('The context, what was at stake and your role.'),
        levels: [
          l10n.t('No context: the listener cannot tell what was at stake.'),
          l10n.t('The context came out through follow-up questions.'),
          l10n.t('Concise context, stakes and your role.'),
          l10n.t('Framed the constraints and competing interests that made it hard.'),
        ],
      },
      {
        id: 'action',
        label: l10n.t('Action'),
        hint: l10n.t('What you did yourself, not the team.'),
        levels: [
          l10n.t('Said what "we" did, not your part.'),
          l10n.t('Your own actions came out under questioning.'),
          l10n.t('Specific actions you took, in order.'),
          l10n.t('The options you had and why you chose yours.'),
        ],
      },
      {
        id: 'result',
        label: l10n.t('Result'),
        hint: l10n.t('The outcome, measured where possible.'),
        levels: [
          l10n.t('No outcome.'),
          l10n.t('A vague outcome, given when asked.'),
          l10n.t('A concrete outcome, measured where possible.'),
          l10n.t('The outcome with its costs and who it affected, good and bad.'),
        ],
      },
      {
        id: 'reflection',
        label: l10n.t('Reflection'),
        hint: l10n.t('What you learned and what you do differently since.'),
        levels: [
          l10n.t('No lesson drawn.'),
          l10n.t('A generic lesson, when asked.'),
          l10n.t('A specific lesson and how you applied it later.'),
          l10n.t('What you would do differently, and what that would cost.'),
        ],
      },
    ];
  },
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
