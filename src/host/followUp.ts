/**
 * Ask a Follow-up: the interviewer reads the question, its key points and the draft and asks one more question,
 * streamed into the player and added to the draft (a session's transcript too). In a mock interview it follows up
 * the current question; during a single timed answer, that question. Loaded on first use.
 */
import * as vscode from 'vscode';
import { askedFollowUps, followUpDraftSection, writtenAnswer } from '../core/draft';
import { FAILURE_ACTION_LABELS, failureNotice, GET_A_MODEL_URL, type FailureAction } from '../core/interviewer/failures';
import { prepareFollowUp, type QuestionContext } from '../core/interviewer/prompts';
import { readFollowUpReply } from '../core/interviewer/replies';
import { Commands, Settings as SettingIds } from '../ids';
import { appendToDraft } from './draftFiles';
import { Interviewer } from './interviewer';
import type { MockServices, MockSessions } from './mockSessions';

/** What a follow-up is about and where it goes. */
interface FollowUpTarget {
  dialogueId: string;
  /** The session's question key, or the single answer's question id: the player shows the stream after it. */
  after: string;
  context: QuestionContext;
  draft: string;
  /** Records the finished follow-up (the session and its draft, or the single draft). */
  add(text: string): Promise<void>;
  /** The dialogue's own next question, offered when no model can ask. */
  scripted(): Promise<unknown>;
}


export async function askFollowUp(mock: MockSessions, services: MockServices): Promise<void> {
  const target = mock.running ? await sessionTarget(mock) : await singleAnswerTarget(services);
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Ask a Follow-up works during a mock interview or while you answer a question against the clock. Start one of them first.'));
    return;
  }
  if (!services.settings().interviewerEnabled && !(await turnOn(target))) return;
  const players = services.players();
  const panel = players.get(target.dialogueId) ?? (await players.show(target.dialogueId));
  const result = await new Interviewer(services.state, services.log).ask({
    title: vscode.l10n.t('The interviewer is asking a follow-up'),
    prepare: (limits) => prepareFollowUp(target.context, target.draft, limits),
    // The streamed turn is on screen, empty, before the first chunk: each chunk then repaints that turn alone.
    onSending: () => panel?.stream({ text: '', state: 'streaming', after: target.after }),
    onText: (text) => panel?.stream({ text, state: 'streaming', after: target.after }),
  });
  if ('stopped' in result) {
    panel?.stream(undefined);
    void vscode.window.showWarningMessage(result.stopped);
    return;
  }
  if ('failure' in result) {
    // A stream that broke midway keeps what arrived, marked as cut off; a cancelled one is dropped.
    const kept = result.failure.kind === 'error' && result.partial ? readFollowUpReply(result.partial).text : '';
    if (kept) {
      const text = `${kept} …`;
      panel?.stream({ text, state: 'cut', after: target.after });
      await target.add(text);
    } else {
      panel?.stream(undefined);
    }
    // Not awaited: a notification's promise settles only when it is dismissed.
    void showFailure(failureNotice(result.failure, vscode.l10n.t('a follow-up'), result.model), target);
    return;
  }
  const reply = readFollowUpReply(result.reply);
  if (!reply.text) {
    panel?.stream(undefined);
    void vscode.window.showWarningMessage(reply.problems.join(' '), FAILURE_ACTION_LABELS.retry).then((choice) => choice && vscode.commands.executeCommand(Commands.askFollowUp));
    return;
  }
  panel?.stream({ text: reply.text, state: 'done', after: target.after });
  await target.add(reply.text);
  if (reply.problems.length > 0) void vscode.window.showInformationMessage(reply.problems.join(' '));
}

/** The interviewer is off: say what it would send and offer to turn it on (or the scripted follow-up). */
async function turnOn(target: FollowUpTarget): Promise<boolean> {
  const turnOnAndAsk = vscode.l10n.t('Turn On and Ask');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('The interviewer is off. Turned on, Ask a Follow-up sends the question, its key points and your draft to a language model you have in VS Code (such as GitHub Copilot), only when you click, and shows you exactly what is sent the first time.'),
    turnOnAndAsk,
    vscode.l10n.t('Use the Dialogue’s Next Question'),
  );
  if (choice === turnOnAndAsk) {
    await vscode.workspace.getConfiguration().update(SettingIds.interviewerEnabled, true, vscode.ConfigurationTarget.Global);
    return true;
  }
  if (choice) await target.scripted();
  return false;
}

async function showFailure(notice: ReturnType<typeof failureNotice>, target: FollowUpTarget): Promise<void> {
  const show = notice.severity === 'info' ? vscode.window.showInformationMessage : notice.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  const labels = notice.actions.map((action) => FAILURE_ACTION_LABELS[action]);
  const choice = await show(notice.message, ...labels);
  const action = notice.actions.find((a) => FAILURE_ACTION_LABELS[a] === choice);
  const run: Record<FailureAction, () => unknown> = {
    retry: () => vscode.commands.executeCommand(Commands.askFollowUp),
    scripted: () => target.scripted(),
    'how-to-get-a-model': () => vscode.env.openExternal(vscode.Uri.parse(GET_A_MODEL_URL)),
  };
  if (action) await run[action]();
}

async function sessionTarget(mock: MockSessions): Promise<FollowUpTarget | undefined> {
  const controller = await mock.controller();
  const input = await controller.interviewerInput();
  const after = controller.currentKey;
  if (!input || !after || !controller.session) return undefined;
  return {
    dialogueId: controller.session.dialogue.id,
    after,
    ...input,
    add: (text) => controller.addFollowUp(text),
    scripted: () => controller.next(),
  };
}

async function singleAnswerTarget(services: MockServices): Promise<FollowUpTarget | undefined> {
  const attempt = services.answers.current;
  if (!attempt) return undefined;
  const dialogue = await services.libraries.full(attempt.dialogueId);
  const question = dialogue?.questions.find((q) => q.id === attempt.questionId);
  if (!dialogue || !question) return undefined;
  const draftUri = vscode.Uri.parse(attempt.draftPath);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === attempt.draftPath);
  const text = open?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(draftUri).then(undefined, () => new Uint8Array()));
  const asked = askedFollowUps(text);
  return {
    dialogueId: dialogue.id,
    after: question.id,
    context: { dialogueTitle: dialogue.title, level: dialogue.level, question: dialogue.turns[question.turnIndex]?.text ?? question.prompt, keyPoints: question.keyPoints, previousFollowUps: asked },
    draft: writtenAnswer(text),
    add: (followUp) => appendToDraft(draftUri, followUpDraftSection(followUp, asked.length + 1)),
    scripted: async () => {
      const next = dialogue.questions.find((q) => q.turnIndex > question.turnIndex);
      if (next) await services.players().show(dialogue.id, { turnIndex: next.turnIndex });
      else void vscode.window.showInformationMessage(vscode.l10n.t('This is the dialogue’s last question: it has no scripted follow-up.'));
    },
  };
}
