/**
 * The dialogue parser and library loader, loaded on the first library load, the first dialogue file typed in, or
 * the first Import Transcript, whose command is here too (dist/lazy-library.js; see esbuild.mjs, "lazy chunks").
 */
import './displayLanguage';
export { globMatcher } from '../core/glob';
export { LibraryLoader } from '../core/libraryLoader';
export { parseDialogueFile } from '../core/parser';
export { importActiveEditor } from '../host/importTranscript';
export { preparedLookup } from '../node/preparedLibrary';
