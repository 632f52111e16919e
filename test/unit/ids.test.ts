// The manifest and src/ids.ts name the same things: a renamed id cannot leave a menu, keybinding or view dangling.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Commands, ContextKeys, SETTINGS_SECTION, Settings, Views, WALKTHROUGH_ID, WebviewTypes } from '../../src/ids';
import { REPO } from './helpers';

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string }[] };
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; when?: string }[];
    configuration: { properties: Record<string, unknown> };
    viewsWelcome: { view: string; when?: string }[];
    walkthroughs: { id: string; steps: { completionEvents: string[]; media: { image: string; altText: string } }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Manifest;
const { contributes } = manifest;
/** The manifest's English strings (its user-visible strings are `%key%`s into this file). */
const english = JSON.parse(readFileSync(path.join(REPO, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('ids.ts and package.json', () => {
  it('contributes exactly the commands ids.ts names', () => {
    assert.deepEqual(contributes.commands.map((c) => c.command).sort(), Object.values(Commands).sort());
  });

  it('points every menu item and keybinding at a known command', () => {
    const known = new Set<string>(Object.values(Commands));
    const used = [...Object.values(contributes.menus).flat(), ...contributes.keybindings].map((item) => item.command);
    for (const command of used) assert.ok(known.has(command), `${command} is not in ids.ts`);
  });

  it('uses only context keys and views that ids.ts names in its when clauses', () => {
    const keys = new Set<string>(Object.values(ContextKeys));
    const whens = [...Object.values(contributes.menus).flat(), ...contributes.keybindings, ...contributes.viewsWelcome].map((item) => item.when ?? '');
    for (const when of whens) {
      for (const key of when.match(/interviewDialogues\.\w+/g) ?? []) {
        if (key !== Views.topics) assert.ok(keys.has(key), `context key ${key} is not in ids.ts`);
      }
    }
  });

  it('declares the view, its container, the webview activation and the settings ids.ts names', () => {
    assert.deepEqual(contributes.viewsContainers.activitybar.map((c) => c.id), [Views.container]);
    assert.deepEqual(contributes.views[Views.container].map((v) => v.id), [Views.topics]);
    for (const type of Object.values(WebviewTypes)) assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${type}`), `${type} is restored after a reload`);
    for (const setting of Object.values(Settings)) assert.ok(setting in contributes.configuration.properties, setting);
    for (const key of Object.keys(contributes.configuration.properties)) assert.ok(key.startsWith(`${SETTINGS_SECTION}.`), key);
  });
});

describe('the walkthrough', () => {
  it('is the one ids.ts names, each step completes on a known command or view, and each image exists with alt text', () => {
    assert.deepEqual(contributes.walkthroughs.map((w) => w.id), [WALKTHROUGH_ID]);
    const commands = new Set<string>(Object.values(Commands));
    for (const step of contributes.walkthroughs[0].steps) {
      assert.ok(step.completionEvents.length > 0);
      for (const event of step.completionEvents) {
        const [kind, target] = event.split(':');
        if (kind === 'onCommand') assert.ok(commands.has(target), event);
        else assert.equal(event, `onView:${Views.topics}`);
      }
      assert.ok(english[step.media.altText.slice(1, -1)]?.length > 20, step.media.image);
      assert.ok(readFileSync(path.join(REPO, step.media.image), 'utf8').includes('var(--vscode-'), `${step.media.image} follows the theme`);
    }
  });
});
