import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { webviewHtml, type WebviewPage } from '../../src/host/webviewHtml';

const page = (initialState: unknown, overrides: Partial<WebviewPage> = {}): string =>
  webviewHtml({
    title: 'Interview Dialogues',
    cspSource: 'https://webview.example',
    asset: (path) => `https://webview.example/ext/${path}`,
    styles: ['media/player.css'],
    script: 'dist/webview/player.js',
    rootId: 'player',
    initialState,
    l10n: { language: 'en' },
    ...overrides,
  });

describe('webviewHtml (the shell every webview shares)', () => {
  it('has a strict CSP: nothing by default, styles and fonts from the webview source, scripts only with the nonce', () => {
    const html = page({});
    const doc = new JSDOM(html).window.document;
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src https:\/\/webview\.example(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const nonce = /script-src 'nonce-([A-Za-z0-9]+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, csp);
    const scripts = [...doc.querySelectorAll('script[src]')];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0].getAttribute('nonce'), nonce);
    assert.equal(scripts[0].getAttribute('src'), 'https://webview.example/ext/dist/webview/player.js');
    assert.notEqual(/nonce-([A-Za-z0-9]+)/.exec(page({}))?.[1], nonce, 'a new nonce per load');
  });

  it('keeps a </script> in dialogue text inert: the state stays one JSON block and parses back unchanged', () => {
    const hostile = { text: '</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)>', title: '"><b>' };
    const doc = new JSDOM(page(hostile)).window.document;
    assert.equal(doc.querySelectorAll('script').length, 3, 'the state and strings as JSON, and the bundle, nothing more');
    assert.equal(doc.querySelectorAll('img, b').length, 0);
    assert.deepEqual(JSON.parse(doc.getElementById('initial-state')?.textContent ?? ''), hostile);
  });

  it('links codicons and the page stylesheets, and renders into the page root with an announcer for screen readers', () => {
    const doc = new JSDOM(page({})).window.document;
    const styles = [...doc.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href'));
    assert.deepEqual(styles, ['https://webview.example/ext/dist/codicons/codicon.css', 'https://webview.example/ext/media/player.css']);
    assert.ok(doc.getElementById('player'));
    assert.equal(doc.getElementById('announcer')?.getAttribute('aria-live'), 'polite');
    assert.equal(doc.title, 'Interview Dialogues');
  });
});
