/**
 * Everything that checks data coming from outside the extension host with zod: the webviews' messages and saved
 * states, and the stored attempt of a running answer. Loaded when the first such value arrives
 * (dist/lazy-protocol.js; see esbuild.mjs, "lazy chunks").
 */
import './displayLanguage';
export { parseStoredAttempt } from '../core/storedAttempt';
export { parsePersistedPlayerState, parseWebviewMessage } from '../protocol/player';
export { parsePersistedReview, parseReviewMessage } from '../protocol/review';
export { parseStatsMessage } from '../protocol/stats';
