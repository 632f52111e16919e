/**
 * What a timed activity (a single answer, a mock session) shows the workbench besides its clock: three `when`-clause
 * keys (active, running, paused) and a repaint once a second while it runs. The interval only repaints; the
 * activity's own clock counts the time.
 */
import type * as vscode from 'vscode';
import { ContextKey } from './contextKey';

export class TimedActivity implements vscode.Disposable {
  private readonly active: ContextKey<boolean>;
  private readonly running: ContextKey<boolean>;
  private readonly paused: ContextKey<boolean>;
  private repaint: ReturnType<typeof setInterval> | undefined;

  constructor(keys: { active: string; running: string; paused: string }, private readonly tick: () => void) {
    this.active = new ContextKey<boolean>(keys.active);
    this.running = new ContextKey<boolean>(keys.running);
    this.paused = new ContextKey<boolean>(keys.paused);
  }

  /** Sets the keys, starts or stops the repaint, and repaints once now. */
  update(active: boolean, paused: boolean): void {
    const running = active && !paused;
    this.active.set(active);
    this.running.set(running);
    this.paused.set(active && paused);
    if (running) this.repaint ??= setInterval(() => this.tick(), 1000);
    else if (this.repaint) {
      clearInterval(this.repaint);
      this.repaint = undefined;
    }
    this.tick();
  }

  dispose(): void {
    if (this.repaint) clearInterval(this.repaint);
  }
}
