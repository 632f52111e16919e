/**
 * What the l10n test reads from the sources: the keys the code translates (with @vscode/l10n-dev, the extractor VS
 * Code's own tooling uses) and the places where an English literal reaches the user without `l10n.t`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import ts from 'typescript';

/** A literal with letters where users see it, untranslated. */
export interface Bypass {
  file: string;
  line: number;
  text: string;
  where: string;
}

/** Every `.ts` file under the given repository-relative files and folders. */
export function sourceFiles(root: string, checked: readonly string[]): string[] {
  const walk = (relative: string): string[] => {
    const full = path.join(root, relative);
    if (!statSync(full).isDirectory()) return relative.endsWith('.ts') ? [relative] : [];
    return readdirSync(full).sort().flatMap((name) => walk(path.posix.join(relative, name)));
  };
  return checked.flatMap(walk);
}

/** The English keys the files pass to `l10n.t` / `vscode.l10n.t`. */
export async function usedKeys(root: string, files: readonly string[]): Promise<Set<string>> {
  const json = await getL10nJson(files.map((file) => ({ extension: '.ts', contents: readFileSync(path.join(root, file), 'utf8') })));
  return new Set(Object.keys(json));
}

/**
 * Properties and assignments whose string the workbench shows: quick pick items and options, input boxes, tree
 * items, status bar items, progress, message items, command titles on tree items, a11y labels, dialogs' labels,
 * and what the host hands a webview to show (`missing`).
 */
const VISIBLE_PROPERTIES = new Set(['label', 'description', 'detail', 'placeHolder', 'prompt', 'title', 'tooltip', 'message', 'text', 'openLabel', 'saveLabel', 'missing']);
/** Shown only when assigned (`statusBarItem.name = …`); in object literals `name` is mostly an id (CLI options). */
const VISIBLE_ASSIGNMENTS = new Set([...VISIBLE_PROPERTIES, 'name']);
/** Calls whose string arguments are shown: notifications (message and buttons), Markdown tooltips. */
const VISIBLE_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'appendMarkdown', 'appendText']);
/**
 * Constructors whose first argument is shown: tree item labels, Markdown tooltips, and errors: VS Code shows the
 * message of an error a command throws, and catch blocks put `String(error)` into notifications. An error that never
 * leaves the code is allowed by name (`internalErrors`, `file: message` → why).
 */
const VISIBLE_CONSTRUCTORS = new Set(['TreeItem', 'MarkdownString', 'Error']);
/** Never translated: the product name (a name, shown as is in every language). */
const NAMES = new Set(['Interview Dialogues']);

/** Strings a user sees that hold letters and are not inside `l10n.t(…)`. */
export function bypasses(root: string, files: readonly string[], internalErrors: ReadonlyMap<string, string> = new Map()): Bypass[] {
  const found: Bypass[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const report = (node: ts.Node, text: string, where: string) => {
      if (where === 'new Error' && internalErrors.get(`${file}: ${text}`) !== undefined) return;
      found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text, where });
    };
    const check = (node: ts.Expression | undefined, where: string) => {
      for (const literal of visibleLiterals(node)) report(literal.node, literal.text, where);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && VISIBLE_PROPERTIES.has(propertyName(node.name))) check(node.initializer, propertyName(node.name));
      else if (ts.isPropertyAssignment(node) && propertyName(node.name) === 'validateInput') checkReturns(node.initializer, (e) => check(e, 'validateInput'));
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && VISIBLE_ASSIGNMENTS.has(node.left.name.text)) check(node.right, node.left.name.text);
      else if (ts.isCallExpression(node) && VISIBLE_CALLS.has(calleeName(node.expression))) node.arguments.forEach((arg) => check(arg, calleeName(node.expression)));
      else if (ts.isCallExpression(node) && calleeName(node.expression) === 'createWebviewPanel') check(node.arguments[1], 'createWebviewPanel');
      else if (ts.isNewExpression(node) && VISIBLE_CONSTRUCTORS.has(calleeName(node.expression))) check(node.arguments?.[0], `new ${calleeName(node.expression)}`);
      // A key that is not a literal cannot be extracted, so it can never be translated.
      if (ts.isCallExpression(node) && isL10nCall(node) && node.arguments[0] && !ts.isStringLiteralLike(node.arguments[0])) report(node, node.arguments[0].getText(source), 'l10n.t with a computed key');
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The literals in an expression that end up in its value, except those inside `l10n.t(…)`. */
function visibleLiterals(node: ts.Expression | undefined): { node: ts.Node; text: string }[] {
  if (!node) return [];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return hasWords(node.text) ? [{ node, text: node.text }] : [];
  if (ts.isTemplateExpression(node)) {
    const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…');
    return [...(hasWords(text) ? [{ node, text }] : []), ...node.templateSpans.flatMap((span) => visibleLiterals(span.expression))];
  }
  if (ts.isConditionalExpression(node)) return [...visibleLiterals(node.whenTrue), ...visibleLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) return [...visibleLiterals(node.left), ...visibleLiterals(node.right)];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSpreadElement(node)) return visibleLiterals(node.expression);
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((element) => visibleLiterals(element));
  // `[…].join(' · ')` and `.filter(Boolean)` pass their array's strings on; any other call is its own business.
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['join', 'filter', 'concat', 'trim'].includes(node.expression.name.text)) return visibleLiterals(node.expression.expression);
  return [];
}

/** Letters, once codicons (`$(clock)`) and the product name are left out: words a user reads. */
function hasWords(text: string): boolean {
  if (NAMES.has(text.trim())) return false;
  return /\p{L}/u.test(text.replace(/\$\([\w~-]+\)/g, ''));
}

function checkReturns(node: ts.Expression, check: (e: ts.Expression | undefined) => void): void {
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return;
  if (!ts.isBlock(node.body)) return check(node.body);
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n)) check(n.expression);
    else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(node.body);
}

function isL10nCall(node: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't' && calleeName(node.expression.expression) === 'l10n';
}

function calleeName(node: ts.Expression): string {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return '';
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : '';
}
