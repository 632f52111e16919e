/**
 * What the user is told when a request to their language model fails, and what they can do next. The host
 * classifies the failure (a `vscode.LanguageModelError` and its code, a plain error, a cancellation) and shows the
 * message with the actions named here; keeping the wording here lets one test read every message.
 */
import * as l10n from '@vscode/l10n';

export type InterviewerFailure =
  /** `vscode.lm.selectChatModels()` returned nothing: no chat extension, or not signed in. */
  | { kind: 'no-model' }
  /** The user did not agree to send the request. */
  | { kind: 'consent-refused' }
  | { kind: 'cancelled'; receivedChars: number }
  /** A `LanguageModelError` (`code` as VS Code gives it) or any other error, before or after part of the reply. */
  | { kind: 'error'; code?: string; message: string; receivedChars: number };

/** What to offer beside the message. `scripted` is the dialogue's own next question (the fallback follow-up). */
export type FailureAction = 'retry' | 'scripted' | 'how-to-get-a-model';

export interface FailureNotice {
  severity: 'info' | 'warning' | 'error';
  message: string;
  actions: FailureAction[];
}

const RATE_OR_QUOTA = /quota|rate|limit|throttl|429|exhausted/i;
const NETWORK = /network|socket|ECONN|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|fetch failed|offline|timed? ?out/i;

/**
 * @param task what was asked, as a phrase: `a follow-up`, `the key-point check`.
 * @param model the model's name as the user knows it.
 */
export function failureNotice(failure: InterviewerFailure, task: string, model: string): FailureNotice {
  switch (failure.kind) {
    case 'no-model':
      return {
        severity: 'info',
        message: l10n.t("No language model is available in VS Code, so the interviewer cannot ask {0}. Install and sign in to a chat extension that provides one, such as GitHub Copilot, then try again. Meanwhile the dialogue's own next question is its scripted follow-up.", task),
        actions: ['scripted', 'how-to-get-a-model'],
      };
    case 'consent-refused':
      return { severity: 'info', message: l10n.t('Nothing was sent. The interviewer asks {0} only after you agree; ask again whenever you want to.', model), actions: [] };
    case 'cancelled':
      return { severity: 'info', message: failure.receivedChars > 0 ? l10n.t('Cancelled: {0} was not added (what had arrived was dropped).', task) : l10n.t('Cancelled: {0} was not added.', task), actions: [] };
    case 'error':
      return errorNotice(failure, task, model);
  }
}

function errorNotice(failure: Extract<InterviewerFailure, { kind: 'error' }>, task: string, model: string): FailureNotice {
  const cut = failure.receivedChars > 0 ? ` ${l10n.t('The reply broke off midway: what arrived is kept and marked as cut off.')}` : '';
  const detail = failure.message ? ` (${failure.message})` : '';
  switch (failure.code) {
    case 'NoPermissions':
      return { severity: 'warning', message: l10n.t('VS Code did not allow Interview Dialogues to use {0}{1}. Try again and allow it when VS Code asks (access can also be changed from the Accounts menu, Manage Language Model Access).', model, detail) + cut, actions: ['retry', 'scripted'] };
    case 'Blocked':
      return { severity: 'warning', message: l10n.t('{0} refused {1}: the request was blocked{2}. Shorten or reword your draft, or try again later.', model, task, detail) + cut, actions: ['retry', 'scripted'] };
    case 'NotFound':
      return { severity: 'warning', message: l10n.t('The model {0} is no longer available{1}. Try again to use another model, or check your chat extension.', model, detail) + cut, actions: ['retry', 'scripted'] };
  }
  if (RATE_OR_QUOTA.test(`${failure.code ?? ''} ${failure.message}`)) {
    return { severity: 'warning', message: l10n.t('{0} is over its quota or rate limit{1}. Wait a little and try again.', model, detail) + cut, actions: ['retry', 'scripted'] };
  }
  if (NETWORK.test(failure.message)) {
    return { severity: 'warning', message: l10n.t('The request to {0} failed on the network{1}. Check your connection and try again.', model, detail) + cut, actions: ['retry', 'scripted'] };
  }
  return { severity: 'warning', message: l10n.t('{0} could not answer {1}{2}. Try again, or go on without it.', model, task, `${failure.code ? ` (${failure.code})` : ''}${detail}`) + cut, actions: ['retry', 'scripted'] };
}

/** Where `how-to-get-a-model` leads: setting up a chat extension (GitHub Copilot) that gives VS Code a model. */
export const GET_A_MODEL_URL = 'https://code.visualstudio.com/docs/copilot/setup';

/** Labels of the actions, as buttons (getters: the table is built before the display language is set). */
export const FAILURE_ACTION_LABELS: Readonly<Record<FailureAction, string>> = {
  get retry() {
    return l10n.t('Try Again');
  },
  get scripted() {
    return l10n.t('Next Question');
  },
  get 'how-to-get-a-model'() {
    return l10n.t('How to Get a Model');
  },
};
