// The German translation at work: the bundle merged from l10n/de/*.json, as esbuild.mjs builds it, read by the CLI
// and by the stats page's view.
import assert from 'node:assert/strict';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as l10n from '@vscode/l10n';
import { configureCliL10n } from '../../src/cli/l10n';
import { runCli } from '../../src/cli/main';
import { History } from '../../src/core/history/history';
import { setPluralLocale } from '../../src/core/plural';
import { localDays } from '../../src/core/review/days';
import { Scheduler } from '../../src/core/review/scheduler';
import { computeStats } from '../../src/core/review/stats';
import { statsView } from '../../src/webview/statsView';
import { md, REPO } from './helpers';
import { attemptEvent, reviewEvent } from './support/historyEvents';

function germanBundle(): Record<string, string> {
  const folder = path.join(REPO, 'l10n', 'de');
  return Object.assign({}, ...readdirSync(folder).filter((name) => name.endsWith('.json')).map((name) => JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as Record<string, string>));
}

describe('l10n: German', () => {
  let scratch: string;

  before(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-l10n-'));
    await fs.mkdir(path.join(scratch, 'l10n'));
    await fs.writeFile(path.join(scratch, 'l10n', 'bundle.l10n.de.json'), JSON.stringify(germanBundle()));
  });
  after(() => fs.rm(scratch, { recursive: true, force: true }));
  afterEach(() => {
    l10n.config({ contents: {} });
    setPluralLocale('en');
  });

  async function validate(env: Readonly<Record<string, string | undefined>>, file: string): Promise<string> {
    configureCliL10n(env, path.join(scratch, 'l10n'));
    let out = '';
    await runCli(['validate', file], { out: (text) => (out += text), err: (text) => (out += text), readInput: () => Promise.reject(new Error('unused')) });
    return out;
  }

  it('validate speaks German under LANG=de_DE.UTF-8: the diagnostic and the plural forms of the summary', async () => {
    const file = path.join(scratch, 'typo.md');
    await fs.writeFile(file, md('## A', '', '**Intervewer:** Why?', '', '**Candidate:** Because.', '', '**Interviewer:** And then?', '', '**Candidate:** Done.'));
    const lines = (await validate({ LANG: 'de_DE.UTF-8' }, file)).trimEnd().split('\n');
    assert.equal(lines[0], `${file}:3:1: warning: unbekannter Sprecher \`Intervewer\`; meinten Sie \`Interviewer\`? Als Interviewer gelesen.`);
    assert.equal(lines[1], '1 Datei, 1 Dialog, 2 Fragen: 0 Fehler, 1 Warnung');
  });

  it('stays English for the C locale and for a language without a translation', async () => {
    const file = path.join(scratch, 'clean.md');
    await fs.writeFile(file, md('## A', '', '**Interviewer:** Why?', '', '**Candidate:** Because.'));
    for (const env of [{ LANG: 'C' }, { LC_ALL: 'xx_XX.UTF-8', LANG: 'de_DE.UTF-8' }]) {
      assert.equal(await validate(env, file), '1 file, 1 dialogue, 1 question: 0 errors, 0 warnings\n');
    }
  });

  it('the stats view speaks German as the webview sets it up: labels, plural forms, day names', () => {
    l10n.config({ contents: germanBundle() });
    setPluralLocale('de');
    const now = Date.UTC(2024, 4, 2, 18, 0);
    const events = [attemptEvent('a1', 'q1', now - 3_600_000, { activeSeconds: 200, budgetSeconds: 300 }), reviewEvent('r1', 'q1', now - 1_800_000, 'good', { attempt: 'a1', keyPoints: 'cc' })];
    const stats = computeStats(new History(events), new Scheduler(), { now, days: localDays({ utcOffset: () => 0, dayStartHour: 0 }), lookup: () => ({ topic: 'Databases', prompt: 'Pick an index' }), library: ['q1'] });
    const tiles = Object.fromEntries(statsView(stats).tiles.map((t) => [t.label, `${t.value} · ${t.detail}`]));
    assert.equal(tiles['Aktuelle Serie'], '1 Tag · einschließlich heute');
    assert.equal(tiles['Tatsächliche Behaltensquote'], '100% · 1 von 1 Auswertung nicht Nochmal');
    assert.equal(tiles.Versuche, '1 · zu 1 Frage');
    const heatmap = statsView(stats).sections.find((s) => s.id === 'heatmap')!;
    assert.match(heatmap.summary, /^Übungstage, letzte \d+ Wochen: an 1 Tag geübt, am meisten am 2\. Mai mit 2\.$/);
  });
});
