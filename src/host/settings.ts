/** Typed access to the extension's settings (package.json `contributes.configuration`). */
import * as vscode from 'vscode';
import { SETTINGS_SECTION as SECTION } from '../ids';
import type { PlayerMode } from '../protocol/player';

export interface Settings {
  mode: PlayerMode;
  playbackSpeed: number;
  draftsFolder: string;
  designBudgetSeconds: number;
  otherBudgetSeconds: number;
  warningThreshold: number;
  workspaceGlob: string;
  extraFolders: string[];
  /** Globs of files and folders the library leaves out (src/core/glob.ts). */
  exclude: string[];
  maxFileSize: number;
  historyFolder: string;
  schedule: { desiredRetention: number; maximumIntervalDays: number; newPerDay: number };
  /** The opt-in interviewer (vscode.lm): off unless the user turned it on. */
  interviewerEnabled: boolean;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    mode: config.get<string>('mode') === 'study' ? 'study' : 'practice',
    playbackSpeed: clamp(config.get<number>('playbackSpeed', 1), 0.25, 4),
    draftsFolder: config.get<string>('draftsFolder', '').trim(),
    designBudgetSeconds: Math.round(clamp(config.get<number>('defaultBudget.designMinutes', 30), 1, 180) * 60),
    otherBudgetSeconds: Math.round(clamp(config.get<number>('defaultBudget.otherMinutes', 5), 1, 180) * 60),
    warningThreshold: clamp(config.get<number>('warningThreshold', 0.2), 0, 1),
    workspaceGlob: config.get<string>('workspaceGlob', '.interview/**/*.md').trim() || '.interview/**/*.md',
    extraFolders: (config.get<unknown[]>('extraFolders', []) ?? []).filter((f): f is string => typeof f === 'string' && f.trim() !== ''),
    exclude: (config.get<unknown[]>('exclude', []) ?? []).filter((g): g is string => typeof g === 'string' && g.trim() !== ''),
    maxFileSize: Math.round(clamp(config.get<number>('maxFileSize', 1024 * 1024), 1024, 64 * 1024 * 1024)),
    historyFolder: config.get<string>('historyFolder', '').trim(),
    // Ranges are enforced by the scheduler (normalizeSettings), which also serves the CLI.
    schedule: {
      desiredRetention: config.get<number>('review.desiredRetention', 0.9),
      maximumIntervalDays: config.get<number>('review.maximumIntervalDays', 365),
      newPerDay: config.get<number>('review.newQuestionsPerDay', 5),
    },
    interviewerEnabled: config.get<boolean>('interviewer.enabled', false) === true,
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
