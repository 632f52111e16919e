// Mock interviews and the interviewer in a real extension host, with the scripted language model
// (test/fixtures/fake-lm, installed by scripts/test-integration.mjs) standing in for the user's own model.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/ids';
import { resetWorkbench, surface, waitFor } from './support';

const STAGED = 'mock-production-performance-investigation';
const PLAIN = 'sample-caching-basics';
const FAKE_LM = 'interview-dialogues-test.fake-lm';
const FAKE_MODEL = 'interview-dialogues-fake/fake-model';

interface RecordedRequest {
  messages: { role: 'user' | 'assistant'; text: string }[];
  chunksSent: number;
}

const config = () => vscode.workspace.getConfiguration('interviewDialogues');

/** The session draft's document (of the running session, or of the one given). */
async function draftDocument(draftPath?: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(vscode.Uri.parse(draftPath ?? (await surface()).mockSession()!.session.draftPath));
}

/**
 * Drafts, transcripts and the practice history of these tests go to a folder of their own, removed afterwards:
 * the other suites see neither the attempts (their due queue) nor the transcripts (their tree).
 */
function ownFolders(): void {
  let folder = '';
  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'interview-mock-'));
    await config().update('draftsFolder', path.join(folder, 'drafts'), vscode.ConfigurationTarget.Global);
    await config().update('historyFolder', path.join(folder, 'history'), vscode.ConfigurationTarget.Global);
    const test = await surface();
    await waitFor(() => test.historyFolder().fsPath === path.join(folder, 'history'), 'the tests’ own history folder');
  });
  after(async () => {
    await config().update('draftsFolder', undefined, vscode.ConfigurationTarget.Global);
    await config().update('historyFolder', undefined, vscode.ConfigurationTarget.Global);
    await resetWorkbench();
    await fs.rm(folder, { recursive: true, force: true });
  });
}

/** Writes an answer at the end of the draft (under the section the interview reached last), as a user types. */
async function answer(text: string): Promise<void> {
  const document = await draftDocument();
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, `${text}\n`);
  await vscode.workspace.applyEdit(edit);
}

async function start(dialogueId: string): Promise<void> {
  const test = await surface();
  await vscode.commands.executeCommand(Commands.startMockInterview, { dialogueId });
  await waitFor(() => test.mockSession(), 'the session to start');
}

/** Moves through every question, ends, rates each review Good and continues until the report: the user's whole path. */
async function runToReport(onQuestion: (key: string) => Promise<void> = () => Promise.resolve()): Promise<void> {
  const test = await surface();
  while (test.mockSession() && !test.mockSession()!.session.ended) {
    const { session, view } = test.mockSession()!;
    const key = session.stages[session.stageIndex].questions[session.questionIndex].key;
    await onQuestion(key);
    await vscode.commands.executeCommand(view.next === 'end' ? Commands.endInterview : Commands.nextQuestion);
  }
  while (test.mockSession()?.finished) {
    await waitFor(() => test.review() && !test.review()!.rated ? test.review() : undefined, 'the next review');
    await vscode.commands.executeCommand(Commands.rateAnswer, 'good');
    await waitFor(() => test.review()?.rated, 'the rating');
    await vscode.commands.executeCommand(Commands.endInterview);
  }
}

async function readText(uri: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
}

describe('Mock interview sessions', function () {
  this.timeout(120_000);
  ownFolders();
  beforeEach(resetWorkbench);
  afterEach(async () => {
    if ((await surface()).mockSession()) await runToReport();
  });

  it('runs a staged mock stage by stage: the draft grows a section per question, each becomes a reviewed attempt, the report and the transcript are written', async () => {
    const test = await surface();
    await start(STAGED);
    const first = test.mockSession()!;
    assert.equal(first.view.stageNumber, 1);
    assert.ok(first.view.stageCount > 1, 'a staged mock');
    assert.match(first.view.statusText, /^Stage 1\/\d+ · \d\d:\d\d · \d\d:\d\d left$/);
    const player = await waitFor(() => test.playerSession(STAGED), 'the player’s session view');
    assert.equal(player.items.length, 1, 'only the first prompt');
    assert.equal(player.items[0].modelAnswer, undefined, 'no model answer before the end');
    assert.match((await draftDocument()).getText(), /^## Q1 · /m);
    assert.doesNotMatch((await draftDocument()).getText(), /^## Q2 · /m, 'no section before the interview reaches it');

    const written = new Map<string, string>();
    await runToReport(async (key) => {
      const words = `My answer to ${key}: measure first, then the slowest dependency.`;
      written.set(key, words);
      await answer(words);
    });
    const draft = await draftDocument(first.session.draftPath);
    const questions = first.session.stages.flatMap((s) => s.questions);
    for (const q of questions) assert.match(draft.getText(), new RegExp(`^## ${q.key.toUpperCase()} · `, 'm'));

    // Every question is an attempt pointing at the session draft, reviewed Good.
    const history = await test.history();
    for (const q of questions) {
      const entry = history.question(q.questionId)!;
      const attempt = entry.attempts.at(-1)!;
      assert.equal(attempt.draft, first.session.draftPath);
      assert.equal(entry.reviews.at(-1)?.attempt, attempt.id);
      assert.equal(entry.reviews.at(-1)?.rating, 'good');
    }
    assert.equal(test.mockSession(), undefined, 'the session is closed after the report');

    // The report beside the draft, opened, with each stage's time and each review.
    const reportUri = first.session.draftPath.replace(/\.md$/, '-report.md');
    const report = await readText(reportUri);
    assert.match(report, /## Time by stage/);
    assert.equal(report.match(/Your rating: Good/g)?.length, questions.length);
    await waitFor(() => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === reportUri), 'the report to open');

    // The transcript is a dialogue of its own, in the library under the sessions folder, with the user's answers.
    const library = await waitFor(async () => {
      const lib = await test.library();
      return lib.dialogues.some((d) => d.id.startsWith(`${STAGED}-session-`)) ? lib : undefined;
    }, 'the transcript in the library');
    const transcript = library.dialogues.find((d) => d.id.startsWith(`${STAGED}-session-`))!;
    assert.match(transcript.file, /\/drafts\/sessions\//);
    const full = (await test.fullDialogue(transcript.id))!;
    assert.equal(full.kind, 'mock');
    assert.ok(full.turns.some((t) => t.speaker === 'candidate' && t.text.includes(written.get('q2')!)));
  });

  it('comes back after a reload from globalState alone: the same question, stage and clocks', async () => {
    const test = await surface();
    await start(PLAIN);
    await answer('Read-heavy, tolerant of staleness: cache-aside.');
    await vscode.commands.executeCommand(Commands.nextQuestion);
    await vscode.commands.executeCommand(Commands.pauseTimer);
    const before = await waitFor(() => (test.mockSession()?.view.paused ? test.mockSession() : undefined), 'the session to pause');
    assert.equal(before.view.questionNumber, 2);

    await test.restoreMockSession();
    const after = test.mockSession()!;
    assert.deepEqual(after.session, before.session, 'the same session, answers included');
    assert.equal(after.view.statusText, before.view.statusText, 'paused clocks read the same');
    assert.equal(after.session.stages[0].questions[0].answer, 'Read-heavy, tolerant of staleness: cache-aside.');
    assert.equal(test.playerSession(PLAIN)?.items.length, 2);

    // Resume works on the restored session, through the same command as a single answer's.
    await vscode.commands.executeCommand(Commands.resumeTimer);
    await waitFor(() => !test.mockSession()?.view.paused, 'the session to resume');
  });

  it('refuses a second interview while one runs, and a single timed answer during an interview', async () => {
    const test = await surface();
    await start(PLAIN);
    const started = test.mockSession()!.session.clock.startedAt;
    // Both commands say why and leave the running interview as it is (their messages are not awaited here).
    void vscode.commands.executeCommand(Commands.startMockInterview, { dialogueId: STAGED });
    void vscode.commands.executeCommand(Commands.answerQuestion, { questionId: `${PLAIN}#q1` });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(test.mockSession()?.session.dialogue.id, PLAIN);
    assert.equal(test.mockSession()?.session.clock.startedAt, started);
    assert.equal(test.attempt(), undefined);
  });
});

describe('The interviewer (scripted language model)', function () {
  this.timeout(120_000);
  ownFolders();

  before(async function () {
    const extension = vscode.extensions.getExtension(FAKE_LM);
    if (!extension) return this.skip();
    await extension.activate();
    await (await surface()).allowInterviewer(FAKE_MODEL);
    await config().update('interviewer.enabled', true, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('interviewer.enabled', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('fakeLm.reset');
  });
  beforeEach(async () => {
    await resetWorkbench();
    await vscode.commands.executeCommand('fakeLm.reset');
  });
  afterEach(async () => {
    if ((await surface()).mockSession()) await runToReport();
  });

  const requests = () => vscode.commands.executeCommand<RecordedRequest[]>('fakeLm.requests');

  it('streams a follow-up into the player and adds it to the session and its draft', async () => {
    const test = await surface();
    await vscode.commands.executeCommand('fakeLm.setScript', { responses: [{ chunks: ['What ', 'happens when ', 'the cache is cold?'], delayMs: 20 }] });
    await start(PLAIN);
    await answer('Cache-aside in front of Postgres, 5-minute TTL.');
    await vscode.commands.executeCommand(Commands.askFollowUp);

    const question = test.mockSession()!.session.stages[0].questions[0];
    assert.deepEqual(question.followUps.map((f) => f.text), ['What happens when the cache is cold?']);
    assert.match((await draftDocument()).getText(), /^## Q1\.1 · What happens when the cache is cold\?$/m);
    // The player shows it among the session's prompts (the stream it came in as gives way to it).
    assert.deepEqual(test.playerSession(PLAIN)?.items.map((i) => i.key), ['q1', 'q1.1']);
    assert.equal(test.playerSession(PLAIN)?.items[1].text, 'What happens when the cache is cold?');
    // What was sent: the question, its key points and the draft, as one user message.
    const [sent] = await requests();
    assert.equal(sent.messages.length, 1);
    assert.match(sent.messages[0].text, /Cache-aside in front of Postgres, 5-minute TTL\./);
    assert.match(sent.messages[0].text, /When would you put a cache in front of a database/);
    assert.equal(sent.chunksSent, 3);
  });

  it('shows the follow-up turn, empty and asking, as soon as the request goes out, before the first chunk', async () => {
    const test = await surface();
    await vscode.commands.executeCommand('fakeLm.setScript', { responses: [{ chunks: ['Why?'], delayMs: 1500 }] });
    await start(PLAIN);
    const asking = vscode.commands.executeCommand(Commands.askFollowUp);
    for (const until = Date.now() + 10_000; (await requests()).length === 0 && Date.now() < until;) await new Promise((r) => setTimeout(r, 10));
    assert.equal((await requests())[0]?.chunksSent, 0, 'the request went out and no chunk has arrived yet');
    assert.deepEqual(test.playerStream(PLAIN), { text: '', state: 'streaming', after: 'q1' });
    await asking;
    assert.deepEqual(test.mockSession()!.session.stages[0].questions[0].followUps.map((f) => f.text), ['Why?']);
  });

  it('keeps what arrived when the stream breaks midway, marked as cut off', async () => {
    const test = await surface();
    await vscode.commands.executeCommand('fakeLm.setScript', { responses: [{ chunks: ['How would you ', 'invalidate'], error: { code: 'Blocked', afterChunks: 1 }, delayMs: 40 }] });
    await start(PLAIN);
    await vscode.commands.executeCommand(Commands.askFollowUp);
    const followUps = test.mockSession()!.session.stages[0].questions[0].followUps;
    assert.deepEqual(followUps.map((f) => f.text), ['How would you …']);
    assert.equal(test.playerSession(PLAIN)?.items[1]?.text, 'How would you …');
  });

  it('with no model at all, sends nothing and changes nothing (the dialogue’s next question is offered instead)', async () => {
    const test = await surface();
    await vscode.commands.executeCommand('fakeLm.setScript', { models: [] });
    await waitFor(async () => (await vscode.lm.selectChatModels()).length === 0, 'the model list to empty');
    await start(PLAIN);
    await vscode.commands.executeCommand(Commands.askFollowUp);
    assert.deepEqual(test.mockSession()!.session.stages[0].questions[0].followUps, []);
    assert.equal((await requests()).length, 0);
    assert.equal(test.playerStream(PLAIN), undefined);
  });

  it('Check Against Key Points reads a malformed grading reply: suggestions with quotes from the draft, the rest left to the user', async () => {
    const test = await surface();
    await start(PLAIN);
    await answer('I would put a cache in front when reads dominate and a little staleness is fine.');
    await runToReport();
    // Q1 was reviewed on the way to the report; check it against its key points in a review of its own.
    const attempt = (await test.history()).question(`${PLAIN}#q1`)!.attempts.at(-1)!;
    await vscode.commands.executeCommand(Commands.reviewAnswer, { attemptId: attempt.id });
    await waitFor(() => test.review()?.attemptId === attempt.id, 'the review of Q1');
    const points = test.reviewKeyPoints();
    assert.ok(points.length >= 2, 'the question has key points');
    // Covered with a real quote, then a reply cut off in the middle of the second entry.
    await vscode.commands.executeCommand('fakeLm.setScript', { responses: [{ chunks: ['Here you go: {"keyPoints": [{"id": "k1", "status": "covered", "quote": "reads dominate and a little staleness is fine"}, {"id": "k2", "status": "cov'] }] });
    await vscode.commands.executeCommand(Commands.checkKeyPoints);
    const checked = await waitFor(() => (test.reviewKeyPoints()[0]?.suggestion ? test.reviewKeyPoints() : undefined), 'the suggestions');
    assert.deepEqual(checked[0].suggestion, { mark: 'covered', quote: 'reads dominate and a little staleness is fine' });
    assert.equal(checked[1].suggestion, undefined, 'nothing made up for the entry that was cut off');
    assert.equal(checked[0].mark, undefined, 'a suggestion is not a mark: the user accepts it');
    assert.equal(test.review()?.rated, false, 'the model never rates');
  });
});
