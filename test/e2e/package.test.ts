// The .vsix the other end-to-end tests install: what the Marketplace would get (issue 13's packaging budget).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

const BUDGET_BYTES = 500 * 1024;

/** The files in a zip's central directory (a .vsix is a zip), with their unpacked sizes: what was packaged. */
function zipEntries(zip: Buffer): Map<string, number> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'the .vsix has no zip directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a damaged zip directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    files.set(zip.toString('utf8', at + 46, at + 46 + nameLength), zip.readUInt32LE(at + 24));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

describe('The packaged extension', () => {
  const vsix = process.env.E2E_VSIX;

  before(function () {
    if (!vsix) this.skip(); // E2E_EXTENSION_PATH: the tests load a folder, there is no package
  });

  it('stays within 500 KB', () => {
    const bytes = fs.statSync(vsix!).size;
    assert.ok(bytes <= BUDGET_BYTES, `${vsix} is ${(bytes / 1024).toFixed(1)} KB, over the 500 KB budget`);
  });

  it('holds what the extension runs and nothing of its sources, tests or dependencies', () => {
    // vsce writes the readme, changelog and licence under lower-case or .txt names.
    const files = [...zipEntries(fs.readFileSync(vsix!)).keys()].filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
    for (const needed of ['package.json', 'package.nls.json', 'package.nls.de.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'dist/extension.js', 'dist/main.js', 'dist/library-index.json', 'dist/l10n/bundle.l10n.de.json', 'dist/codicons/codicon.ttf', 'media/icon.png']) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    const stray = files.filter((name) => /^(src|test|out|scripts|node_modules|reports)\//.test(name) || name.endsWith('.map') || name === 'dist/meta.json' || name === 'dist/cli.js');
    assert.deepEqual(stray, [], 'files the extension does not need');
  });

  it('ships only the codicons the pages use, not the whole 126 KB font', () => {
    const font = zipEntries(fs.readFileSync(vsix!)).get('extension/dist/codicons/codicon.ttf');
    assert.ok(font !== undefined && font < 20 * 1024, `the packaged codicon.ttf is ${font} bytes: the build did not subset it`);
  });
});
