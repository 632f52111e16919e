/**
 * Commands whose code loads on their first call. Activation registers their ids, which the palette, menus and
 * keybindings need at once; the module holding what they do is loaded when one of them first runs.
 */
import * as vscode from 'vscode';
import { Commands } from '../ids';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command takes its own arguments
type Handler = (...args: any[]) => unknown;

/** Registers `names`; the first call of any of them loads the handlers (once), and each call runs its own. */
export function registerLazyCommands<K extends keyof typeof Commands>(names: readonly K[], load: () => Promise<Record<K, Handler>>): vscode.Disposable[] {
  let handlers: Promise<Record<K, Handler>> | undefined;
  return names.map((name) => vscode.commands.registerCommand(Commands[name], async (...args: unknown[]) => (await (handlers ??= load()))[name](...args)));
}
