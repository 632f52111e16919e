// The German translation at work: the bundle merged from l10n/de/*.json, as esbuild.mjs builds it, read by the CLI.
import assert from 'node:assert/strict';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as l10n from '@vscode/l10n';
import { configureCliL10n } from '../../src/cli/l10n';
import { runCli } from '../../src/cli/main';
import { setPluralLocale } from '../../src/core/plural';
import { md, REPO } from './helpers';

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
});
