// The scripted test model (test/fixtures/fake-lm) seen through the real vscode.lm API. Runs only when that
// extension is installed in the test VS Code (see its README); otherwise the suite skips itself.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const FAKE_LM = 'interview-dialogues-test.fake-lm';
const VENDOR = 'interview-dialogues-fake';

interface RecordedRequest {
  model: string;
  messages: { role: 'user' | 'assistant'; text: string }[];
  chunksSent: number;
  cancelled: boolean;
}

async function setScript(script: unknown): Promise<void> {
  await vscode.commands.executeCommand('fakeLm.setScript', script);
}

async function onlyModel(): Promise<vscode.LanguageModelChat> {
  // The model list changes a moment after a new script: poll instead of sleeping.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const models = await vscode.lm.selectChatModels({ vendor: VENDOR });
    if (models.length > 0) return models[0];
    if (Date.now() > deadline) throw new Error(`no model from ${VENDOR}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Streams a reply, returning what arrived and the error that ended it, if any. */
async function collect(model: vscode.LanguageModelChat, text: string, token?: vscode.CancellationToken): Promise<{ text: string; error?: unknown }> {
  let received = '';
  try {
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(text)], { justification: 'Integration test of the scripted model.' }, token);
    for await (const chunk of response.text) received += chunk;
    return { text: received };
  } catch (error) {
    return { text: received, error };
  }
}

describe('Scripted language model (test/fixtures/fake-lm)', function () {
  before(async function () {
    const extension = vscode.extensions.getExtension(FAKE_LM);
    if (!extension) return this.skip();
    await extension.activate();
  });

  beforeEach(() => vscode.commands.executeCommand('fakeLm.reset'));

  it('is offered by vscode.lm.selectChatModels with its limits', async () => {
    await setScript({ models: [{ id: 'tiny', name: 'Tiny', maxInputTokens: 300 }] });
    const model = await onlyModel();
    assert.equal(model.vendor, VENDOR);
    assert.equal(model.id, 'tiny');
    assert.equal(model.maxInputTokens, 300);
    assert.equal(await model.countTokens('twelve chars'), 3, 'tokens counted as length / 4');
  });

  it('streams the scripted chunks and records what it was sent', async () => {
    await setScript({ responses: [{ chunks: ['What ', 'breaks ', 'first?'], delayMs: 10 }] });
    const reply = await collect(await onlyModel(), 'Ask one follow-up.');
    assert.equal(reply.error, undefined);
    assert.equal(reply.text, 'What breaks first?');
    const requests = await vscode.commands.executeCommand<RecordedRequest[]>('fakeLm.requests');
    assert.equal(requests.length, 1);
    assert.deepEqual(requests[0].messages, [{ role: 'user', text: 'Ask one follow-up.' }]);
    assert.equal(requests[0].chunksSent, 3);
  });

  it('fails with a LanguageModelError, before any chunk or midway keeping what arrived', async () => {
    await setScript({ responses: [{ error: { code: 'Blocked', message: 'Filtered' } }, { chunks: ['Half ', 'a reply'], error: { code: 'NoPermissions', afterChunks: 1 }, delayMs: 50 }] });
    const model = await onlyModel();
    const blocked = await collect(model, 'First.');
    assert.ok(blocked.error instanceof vscode.LanguageModelError, String(blocked.error));
    assert.equal(blocked.error.code, 'Blocked');
    const midway = await collect(model, 'Second.');
    assert.equal(midway.text, 'Half ');
    assert.ok(midway.error instanceof vscode.LanguageModelError, String(midway.error));
    assert.equal(midway.error.code, 'NoPermissions');
  });

  it('stops when the request is cancelled', async () => {
    await setScript({ responses: [{ chunks: ['Thinking'], waitForCancel: true }] });
    const source = new vscode.CancellationTokenSource();
    const reply = collect(await onlyModel(), 'Take your time.', source.token);
    const deadline = Date.now() + 10_000;
    while ((await vscode.commands.executeCommand<RecordedRequest[]>('fakeLm.requests'))[0]?.chunksSent !== 1) {
      if (Date.now() > deadline) throw new Error('the first chunk never arrived');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    source.cancel();
    const result = await reply;
    assert.equal(result.text.startsWith('Thinking'), true);
    const requests = await vscode.commands.executeCommand<RecordedRequest[]>('fakeLm.requests');
    assert.equal(requests[0].cancelled, true);
  });
});
