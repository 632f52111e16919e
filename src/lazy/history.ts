/**
 * The practice history's code, loaded on first use (HistoryService): the event log, its checkpoint, the merged index, migration,
 * export/import, FSRS scheduling (ts-fsrs) and statistics. The extension bundle keeps it in dist/lazy-history.js,
 * so activation neither reads nor compiles it (esbuild.mjs, "lazy chunks").
 */
import './displayLanguage';
export * as checkpoint from '../core/history/checkpoint';
export * as days from '../core/review/days';
export * as history from '../core/history/history';
export * as log from '../core/history/log';
export * as migrate from '../core/history/migrate';
export * as scheduler from '../core/review/scheduler';
export * as stats from '../core/review/stats';
export * as tails from '../core/history/tails';
export * as transfer from '../core/history/transfer';
