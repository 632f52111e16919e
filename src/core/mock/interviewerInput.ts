/**
 * What the interviewer (src/core/interviewer) is asked about during a session: the current question with its
 * stage, key points and earlier follow-ups, and the user's answer so far, taken from the session draft.
 */
import type { QuestionContext } from '../interviewer/prompts';
import { currentQuestion, currentStage, type MockSession } from './session';

export interface InterviewerInput {
  context: QuestionContext;
  /** The answer to the current question, then each follow-up asked so far with its answer. */
  draft: string;
}

/** @param answers the current answers by key, as `splitSessionDraft(...).answers` gives them. */
export function interviewerInput(session: MockSession, answers: ReadonlyMap<string, string>): InterviewerInput {
  const question = currentQuestion(session);
  const parts = [answers.get(question.key) ?? question.answer ?? ''];
  for (const followUp of question.followUps) {
    // English: this text goes to the model, as part of its prompt.
    parts.push(`Follow-up you asked: ${followUp.text}\n\nCandidate's answer:\n${answers.get(followUp.key) ?? followUp.answer ?? ''}`);
  }
  return {
    context: {
      dialogueTitle: session.dialogue.title,
      level: session.dialogue.level,
      ...(session.dialogue.staged ? { stageTitle: currentStage(session).title } : {}),
      question: question.text,
      keyPoints: question.keyPoints,
      previousFollowUps: question.followUps.map((f) => f.text),
    },
    draft: parts.map((part) => part.trim()).filter(Boolean).join('\n\n'),
  };
}
