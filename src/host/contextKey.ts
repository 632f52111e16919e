/** A `when`-clause context key that remembers its value, so repeated sets cost no round trip to the workbench. */
import * as vscode from 'vscode';

export class ContextKey<V extends boolean | string | number> {
  private value: V | undefined;

  constructor(readonly name: string) {}

  set(value: V): void {
    if (this.value === value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', this.name, value);
  }
}
