/**
 * Mock interview sessions and the interviewer that asks through `vscode.lm`: loaded when a session starts or is
 * restored, or when the user first asks the model (dist/lazy-mock.js; see esbuild.mjs, "lazy chunks").
 */
import './displayLanguage';
export { sessionDraftAnswer } from '../core/mock/sessionDraft';
export { askFollowUp } from '../host/followUp';
export { checkKeyPoints } from '../host/keyPointCheck';
export { MockSessionController } from '../host/mockSession';
