/**
 * Check Against Key Points, from the review: the user's own language model suggests which key points the draft
 * covers, quoting the draft for each. The suggestions only pre-fill the checklist for the user to confirm or change;
 * the rating stays the user's. Loaded with `import()` when the user first clicks.
 */
import * as vscode from 'vscode';
import { FAILURE_ACTION_LABELS, failureNotice, GET_A_MODEL_URL } from '../core/interviewer/failures';
import { prepareKeyPointCheck, type QuestionContext } from '../core/interviewer/prompts';
import { readKeyPointsReply, type KeyPointCheck } from '../core/interviewer/replies';
import { Interviewer } from './interviewer';

/** The model's suggestions (also those read from a reply cut off midway), or undefined when there are none. */
export async function checkKeyPoints(state: vscode.Memento, log: vscode.LogOutputChannel, context: QuestionContext, draft: string, retry: () => void): Promise<KeyPointCheck | undefined> {
  const result = await new Interviewer(state, log).ask({ title: vscode.l10n.t('Checking your draft against the key points'), prepare: (limits) => prepareKeyPointCheck(context, draft, limits) });
  if ('stopped' in result) {
    void vscode.window.showWarningMessage(result.stopped);
    return undefined;
  }
  if ('reply' in result) return readKeyPointsReply(result.reply, context.keyPoints, draft);
  const notice = failureNotice(result.failure, vscode.l10n.t('the key-point check'), result.model);
  // No scripted fallback here: the checklist itself is the way forward.
  const actions = notice.actions.filter((a) => a !== 'scripted');
  void vscode.window[notice.severity === 'info' ? 'showInformationMessage' : 'showWarningMessage'](
    result.failure.kind === 'no-model' ? notice.message : `${notice.message} ${vscode.l10n.t('You can mark the key points yourself.')}`,
    ...actions.map((a) => FAILURE_ACTION_LABELS[a]),
  ).then((choice) => {
    if (choice === FAILURE_ACTION_LABELS.retry) retry();
    else if (choice === FAILURE_ACTION_LABELS['how-to-get-a-model']) void vscode.env.openExternal(vscode.Uri.parse(GET_A_MODEL_URL));
  });
  const partial = result.failure.kind === 'error' ? result.partial : undefined;
  return partial ? readKeyPointsReply(partial, context.keyPoints, draft) : undefined;
}
