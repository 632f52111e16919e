/**
 * The practice loop's views and commands: the review panel (with the rubric and the proposed rating), the
 * statistics view, and the practice commands' handlers. Loaded when a review or the statistics view first opens or
 * a practice command first runs (dist/lazy-practice.js; see esbuild.mjs, "lazy chunks"); activation registers only
 * their serializers and command ids.
 */
import './displayLanguage';
export { practiceCommandHandlers } from '../host/practiceActions';
export { ReviewPanel } from '../host/reviewPanel';
export { StatsPanel, statsTitle } from '../host/statsPanel';
