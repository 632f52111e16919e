/**
 * The dialogue parser and library loader, loaded on the first library load, the first dialogue file typed in, or
 * the first import (dist/lazy-library.js; see esbuild.mjs, "lazy chunks").
 */
import './displayLanguage';
export { globMatcher } from '../core/glob';
export { LibraryLoader } from '../core/libraryLoader';
export { parseDialogueFile } from '../core/parser';
export { importTranscript, titleFromFileName } from '../core/transcript';
export { preparedLookup } from '../node/preparedLibrary';
