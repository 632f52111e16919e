/**
 * Every lazy chunk is a bundle of its own, with its own copies of @vscode/l10n and of the plural rules
 * (src/core/plural.ts): unconfigured, they would speak English whatever the display language. Each chunk imports
 * this module first, so its copies get the display language's bundle and rules as the extension's own did.
 */
import { configureL10n } from '../host/l10n';

configureL10n();
