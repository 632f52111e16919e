/**
 * Which question a turn answers, and which turns are a question's model answer: one rule for the player, its
 * concealment in practice mode, Compare with Model Answer and the review.
 *
 * A question is an interviewer turn. Its model answer is the run of candidate turns that follows it, up to the
 * next interviewer turn; a question followed at once by another interviewer turn has no model answer.
 */

/** The least a turn list must tell: who speaks. */
export interface SpokenTurn {
  speaker: 'interviewer' | 'candidate';
}

/** Index of the interviewer turn that the candidate turn at `index` answers, or -1 (not a candidate turn, or none before it). */
export function questionTurnOf(turns: readonly SpokenTurn[], index: number): number {
  if (turns[index]?.speaker !== 'candidate') return -1;
  for (let i = index - 1; i >= 0; i--) if (turns[i].speaker === 'interviewer') return i;
  return -1;
}

/** Indices of the candidate turns that answer the question at `questionTurnIndex` (empty when none, or not a question). */
export function modelAnswerTurns(turns: readonly SpokenTurn[], questionTurnIndex: number): number[] {
  if (turns[questionTurnIndex]?.speaker !== 'interviewer') return [];
  const answer: number[] = [];
  for (let i = questionTurnIndex + 1; i < turns.length && turns[i].speaker === 'candidate'; i++) answer.push(i);
  return answer;
}

/** The model answer's Markdown: its turns joined by blank lines, or undefined when the question has none. */
export function modelAnswerText(turns: readonly (SpokenTurn & { text: string })[], questionTurnIndex: number): string | undefined {
  const indices = modelAnswerTurns(turns, questionTurnIndex);
  return indices.length === 0 ? undefined : indices.map((i) => turns[i].text).join('\n\n');
}
