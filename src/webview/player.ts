/**
 * The player webview: renders a dialogue turn by turn. All dialogue text is untrusted Markdown: it is rendered
 * with marked and sanitized with DOMPurify before it touches the DOM. State lives in `setState`, so hiding the
 * panel or reloading the window restores the same place.
 */
import * as l10n from '@vscode/l10n';
import DOMPurify from 'dompurify';
import type { HostMessage, PersistedPlayerState, PlayerSession, PlayerState, PlayerStream, PlayerTimer, PlayerTurn, WebviewMessage } from '../protocol/player';
import { autoAdvanceDelayMs, isConcealed, withUnseenMoves } from '../core/playback';
import { questionTurnOf } from '../core/questions';
import { announce, button, element, icon, initialState, keepingFocus, vscodeApi } from './dom';
import { markdownRenderer } from './markdown';

const vscode = vscodeApi<WebviewMessage, PersistedPlayerState>();
const root = document.getElementById('player')!;
const announcer = document.getElementById('announcer')!;
const renderMarkdown = markdownRenderer(DOMPurify);

let state = initialState<PlayerState>();
/** This page's moves so far (positions and reveals sent to the host); the host counts them from our `ready`. */
let movesSent = 0;
let playing: ReturnType<typeof setTimeout> | undefined;
/** What the session view last rendered, so a clock-only update (each second) repaints the clock alone. */
let sessionShape: string | undefined;
/** Session prompts already seen, so only a new one is announced. */
let seenPrompts = new Set((state.session?.items ?? []).map((item) => item.key));
let markedFirstPrompt = false;

function persist(): void {
  if (!state.dialogue) return;
  vscode.setState({ dialogueId: state.dialogue.id, position: state.position, revealed: state.revealed, mode: state.mode });
}

function goTo(index: number, announce = true): void {
  const turns = state.dialogue?.turns ?? [];
  const next = Math.min(Math.max(0, index), Math.max(0, turns.length - 1));
  if (next === state.position) return;
  state = { ...state, position: next };
  persist();
  vscode.postMessage({ type: 'position', index: next, move: ++movesSent });
  render();
  if (announce) announceTurn(next);
  document.querySelector('.turn.current')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function announceTurn(index: number): void {
  const turn = state.dialogue?.turns[index];
  if (!turn) return;
  const total = state.dialogue!.turns.length;
  const interviewer = turn.speaker === 'interviewer';
  announcer.textContent = isConcealed(state, index)
    ? l10n.t('Turn {0} of {1}, Candidate (model answer hidden)', index + 1, total)
    : interviewer
      ? l10n.t('Turn {0} of {1}, Interviewer', index + 1, total)
      : l10n.t('Turn {0} of {1}, Candidate', index + 1, total);
}

function reveal(index: number): void {
  if (state.revealed.includes(index)) return;
  state = { ...state, revealed: [...state.revealed, index].sort((a, b) => a - b) };
  persist();
  vscode.postMessage({ type: 'reveal', turnIndex: index, move: ++movesSent });
  render();
  document.querySelector<HTMLElement>(`.turn[data-index="${index}"] .turn-body`)?.focus();
}

function togglePlay(): void {
  if (playing !== undefined) stopPlaying();
  else {
    if (state.position >= (state.dialogue?.turns.length ?? 1) - 1) goTo(0);
    scheduleNext();
  }
  render();
}

function scheduleNext(): void {
  const turn = state.dialogue?.turns[state.position];
  if (!turn) return;
  playing = setTimeout(() => {
    const last = (state.dialogue?.turns.length ?? 1) - 1;
    if (state.position >= last) {
      stopPlaying();
      render();
      return;
    }
    goTo(state.position + 1);
    scheduleNext();
  }, autoAdvanceDelayMs(isConcealed(state, state.position) ? '' : turn.text, state.speed));
}

function stopPlaying(): void {
  if (playing !== undefined) clearTimeout(playing);
  playing = undefined;
}

function renderTurn(turn: PlayerTurn, index: number): HTMLElement {
  const current = index === state.position;
  const who = speakerName(turn.speaker);
  const item = element('li', {
    className: `turn ${turn.speaker}${current ? ' current' : ''}`,
    'data-index': String(index),
    'data-speaker': turn.speaker,
    'aria-current': current ? 'step' : undefined,
    'aria-label': turn.speaker === 'interviewer' ? l10n.t('Interviewer, turn {0}', index + 1) : l10n.t('Candidate, turn {0}', index + 1),
  });
  const header = element('div', { className: 'turn-header' }, icon(turn.speaker === 'interviewer' ? 'person' : 'account'), element('span', { className: 'speaker' }, who));
  item.append(header);
  if (turn.questionId) {
    const answered = state.answered[turn.questionId];
    header.append(element('span', { className: 'budget', title: l10n.t('Time to answer') }, icon('watch'), ` ${turn.budgetLabel ?? ''}`));
    if (answered) header.append(element('span', { className: 'answered', title: l10n.t('Answered {0}×', answered.attempts) }, icon('pass-filled'), ` ${l10n.t('best {0}', answered.bestLabel)}`));
  }
  if (isConcealed(state, index)) {
    const body = element('div', { className: 'turn-body concealed' }, element('p', {}, l10n.t('The model answer is hidden in practice mode. Draft your own answer first, or reveal it.')));
    const actions = element('div', { className: 'actions' });
    const question = previousQuestion(index);
    if (question) actions.append(button(undefined, l10n.t('Answer this question'), 'edit', l10n.t('Answer this question'), () => answer(question), 'answer'));
    actions.append(button(undefined, l10n.t('Reveal answer'), 'eye', l10n.t('Reveal answer'), () => reveal(index), 'reveal secondary'));
    body.append(actions);
    item.append(body);
    return item;
  }
  const body = element('div', { className: 'turn-body markdown', tabindex: '-1' });
  body.innerHTML = renderMarkdown(turn.text);
  item.append(body);
  if (turn.speaker === 'candidate') {
    const keyPoints = state.dialogue?.turns[questionTurnOf(state.dialogue.turns, index)]?.keyPoints ?? [];
    if (keyPoints.length > 0) {
      const list = element('ul');
      for (const point of keyPoints) {
        const li = element('li');
        li.innerHTML = renderMarkdown(point);
        list.append(li);
      }
      item.append(element('details', { className: 'key-points' }, element('summary', {}, l10n.t('Key points for self-review')), list));
    }
  }
  if (turn.questionId) {
    const questionId = turn.questionId;
    item.append(element('div', { className: 'actions' }, button(undefined, l10n.t('Answer this question'), 'edit', l10n.t('Answer this question'), () => answer(questionId), 'answer')));
  }
  return item;
}

function speakerName(speaker: PlayerTurn['speaker']): string {
  return speaker === 'interviewer' ? l10n.t('Interviewer') : l10n.t('Candidate');
}

function previousQuestion(index: number): string | undefined {
  const turns = state.dialogue?.turns ?? [];
  return turns[questionTurnOf(turns, index)]?.questionId;
}

function answer(questionId: string): void {
  stopPlaying();
  vscode.postMessage({ type: 'answer', questionId });
}

function renderTimer(timer: PlayerTimer | null): HTMLElement {
  const box = element('div', { id: 'timer-box', className: timer ? `timer ${timer.phase}${timer.paused ? ' paused' : ''}` : 'timer idle' });
  if (!timer) return box;
  box.append(
    icon(timer.paused ? 'debug-pause' : 'watch'),
    element('span', { id: 'timer', role: 'timer', 'aria-label': timer.paused ? l10n.t('{0}, paused', timer.label) : timer.label }, timer.label),
    element('span', { className: 'timer-prompt', title: timer.prompt }, timer.paused ? l10n.t('paused · {0}', timer.prompt) : timer.prompt),
    timer.paused
      ? button('timer-resume', l10n.t('Resume timer'), 'debug-continue', l10n.t('Resume'), () => vscode.postMessage({ type: 'timerAction', action: 'resume' }), 'secondary')
      : button('timer-pause', l10n.t('Pause timer'), 'debug-pause', l10n.t('Pause'), () => vscode.postMessage({ type: 'timerAction', action: 'pause' }), 'secondary'),
    button('timer-finish', l10n.t('Finish answer'), 'check', l10n.t('Finish'), () => vscode.postMessage({ type: 'timerAction', action: 'finish' })),
  );
  return box;
}

function render(): void {
  const dialogue = state.dialogue;
  root.replaceChildren();
  if (!dialogue) {
    root.append(
      element('h1', { id: 'dialogue-title' }, state.missingTitle ?? l10n.t('Dialogue not found')),
      element('p', { className: 'missing', role: 'alert' }, l10n.t('This dialogue is no longer in its file: it was deleted or renamed. Close this player and open it again from the Topics view.')),
      button('close', l10n.t('Close player'), 'close', l10n.t('Close'), () => vscode.postMessage({ type: 'close' })),
    );
    return;
  }
  if (state.session) {
    renderSession(state.session);
    return;
  }
  const total = dialogue.turns.length;
  const meta = element('p', { className: 'meta' }, `${dialogue.topic} · ${dialogue.level}${dialogue.tags.length ? ' · ' + dialogue.tags.join(', ') : ''}`);
  const modeButton = button('mode', state.mode === 'practice' ? l10n.t('Practice mode: model answers hidden until you answer. Switch to study mode') : l10n.t('Study mode: model answers shown. Switch to practice mode'), state.mode === 'practice' ? 'eye-closed' : 'eye', state.mode === 'practice' ? l10n.t('Practice mode') : l10n.t('Study mode'), () => {
    vscode.postMessage({ type: 'setMode', mode: state.mode === 'practice' ? 'study' : 'practice' });
  }, 'secondary');
  const controls = element(
    'div',
    { className: 'controls', role: 'toolbar', 'aria-label': l10n.t('Playback') },
    button('prev', l10n.t('Previous turn'), 'arrow-left', l10n.t('Previous'), () => goTo(state.position - 1)),
    button('next', l10n.t('Next turn'), 'arrow-right', l10n.t('Next'), () => goTo(state.position + 1)),
    button('play', playing ? l10n.t('Pause playback') : l10n.t('Play'), playing ? 'debug-pause' : 'play', playing ? l10n.t('Pause') : l10n.t('Play'), togglePlay),
    button('restart', l10n.t('Restart'), 'debug-restart', l10n.t('Restart'), () => {
      stopPlaying();
      goTo(0);
      render();
    }),
    element('span', { id: 'position', 'aria-live': 'off' }, l10n.t('Turn {0} of {1}', state.position + 1, total)),
    modeButton,
  );
  (controls.querySelector('#prev') as HTMLButtonElement).disabled = state.position === 0;
  (controls.querySelector('#next') as HTMLButtonElement).disabled = state.position >= total - 1;

  const turns = element('ol', { id: 'turns', 'aria-label': l10n.t('Dialogue turns') });
  let stage: string | undefined;
  dialogue.turns.slice(0, state.position + 1).forEach((turn, index) => {
    if (turn.stage && turn.stage !== stage) {
      stage = turn.stage;
      turns.append(element('li', { className: 'stage', role: 'presentation' }, element('h2', {}, turn.stage)));
    }
    turns.append(renderTurn(turn, index));
    if (state.stream && turn.questionId === state.stream.after) turns.append(renderStream(state.stream));
  });
  root.append(element('header', {}, element('h1', { id: 'dialogue-title' }, dialogue.title), meta), renderTimer(state.timer), controls);
  if (dialogue.intro) {
    const intro = element('div', { className: 'intro markdown' });
    intro.innerHTML = renderMarkdown(dialogue.intro);
    root.append(intro);
  }
  root.append(turns);
  if (state.guidance.length > 0) {
    const aside = element('aside', { id: 'guidance', 'aria-label': l10n.t('Tips') });
    for (const tip of state.guidance) {
      const body = element('div', { className: 'markdown' });
      body.innerHTML = renderMarkdown(tip.text);
      aside.append(element('details', { className: 'tip' }, element('summary', {}, icon('lightbulb'), ` ${tip.title}`), body));
    }
    root.append(aside);
  }
}

/** Tells screen readers when the clock turns to its warning part and when time is up (once each, not every second). */
function announcePhase(before: PlayerTimer | null, after: PlayerTimer | null): void {
  if (!after || before?.questionId !== after.questionId || before.phase === after.phase) return;
  if (after.phase === 'warning') announcer.textContent = l10n.t('Time is running low: {0} left.', after.label);
  else if (after.phase === 'overtime') announcer.textContent = l10n.t('Time is up. The timer now counts overtime; finish when ready.');
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message?.type === 'state') {
    state = withUnseenMoves(state, message.state, movesSent);
    persist();
    keepingFocus(render);
  } else if (message?.type === 'session') {
    state = { ...state, session: message.session };
    if (!message.session || sessionShapeOf(message.session) !== sessionShape) keepingFocus(render);
    else updateSessionClock(message.session);
    announceNewPrompts();
  } else if (message?.type === 'stream') {
    const previous = state.stream;
    state = { ...state, stream: message.stream };
    showStream(message.stream, previous);
  } else if (message?.type === 'announce') {
    announce(message.text);
  } else if (message?.type === 'timer') {
    announcePhase(state.timer, message.timer);
    state = { ...state, timer: message.timer };
    const box = document.getElementById('timer-box');
    const focusedId = document.activeElement?.id;
    box?.replaceWith(renderTimer(message.timer));
    if (focusedId?.startsWith('timer-')) document.getElementById(focusedId)?.focus();
  }
});

document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target as HTMLElement | null;
  const onControl = target?.closest('button, summary, a, input, textarea, select');
  if (event.key === 'ArrowRight' || (event.key === ' ' && !onControl)) {
    event.preventDefault();
    goTo(state.position + 1);
  } else if (event.key === 'ArrowLeft') {
    event.preventDefault();
    goTo(state.position - 1);
  } else if (event.key === 'Home' && !onControl) {
    goTo(0);
  } else if (event.key === 'End' && !onControl) {
    goTo((state.dialogue?.turns.length ?? 1) - 1);
  }
});

persist();
render();
performance.mark('interview-dialogues:first-render');
if (state.session) markFirstPrompt();
vscode.postMessage({ type: 'ready' });

// ---- The session view: a mock interview's prompts, one at a time, and the interviewer's streamed follow-ups ----

const STREAM_ID = 'interviewer-stream';

/** Everything the session view shows except its clocks. */
function sessionShapeOf(session: PlayerSession): string {
  return JSON.stringify({ ...session, status: undefined, description: undefined });
}

function sessionButton(id: string, label: string, iconName: string, text: string, action: Extract<WebviewMessage, { type: 'sessionAction' }>['action'], className = ''): HTMLButtonElement {
  return button(id, label, iconName, text, () => vscode.postMessage({ type: 'sessionAction', action }), className);
}

function renderSession(session: PlayerSession): void {
  sessionShape = sessionShapeOf(session);
  const dialogue = state.dialogue;
  const meta = dialogue ? l10n.t('{0} · {1} · mock interview', dialogue.topic, dialogue.level) : l10n.t('Mock interview');
  const clock = element('p', { id: 'session-clock', className: `session-clock${session.paused ? ' paused' : ''}`, title: session.description, 'aria-label': session.description }, icon(session.ended ? 'checklist' : session.paused ? 'debug-pause' : 'watch'), ` ${session.status}`);
  const controls = element('div', { className: 'controls', role: 'toolbar', 'aria-label': l10n.t('Mock interview') });
  if (session.ended) {
    if (session.reviewing) controls.append(sessionButton('session-reviews', l10n.t('Continue the Reviews ({0})', session.reviewing), 'checklist', l10n.t('Continue the Reviews ({0})', session.reviewing), 'continueReviews'));
  } else {
    controls.append(
      session.paused
        ? sessionButton('session-resume', l10n.t('Resume interview'), 'debug-continue', l10n.t('Resume'), 'resume', 'secondary')
        : sessionButton('session-pause', l10n.t('Pause interview'), 'debug-pause', l10n.t('Pause'), 'pause', 'secondary'),
      sessionButton('session-follow-up', session.interviewer ? l10n.t('Ask a follow-up: your language model asks one more question about your draft') : l10n.t('Ask a follow-up (the interviewer is off: asks whether to turn it on)'), 'comment-discussion', l10n.t('Ask a Follow-up'), 'askFollowUp', 'secondary'),
    );
    if (session.next !== 'end') controls.append(sessionButton('session-next', session.next === 'stage' ? l10n.t('Next Question, in the next stage') : l10n.t('Next Question'), 'arrow-right', l10n.t('Next Question'), 'next'));
    controls.append(sessionButton('session-end', l10n.t('End Interview'), 'debug-stop', l10n.t('End Interview'), 'end', session.next === 'end' ? '' : 'secondary'));
  }
  const items = element('ol', { id: 'session-items', 'aria-label': l10n.t('Interview questions so far') });
  let stage: string | undefined;
  for (const item of session.items) {
    // A list item of its own (axe: an <ol> holds only <li>s that stay list items), holding the stage's heading.
    if (item.stageTitle !== stage && item.stageTitle !== session.title) items.append(element('li', { className: 'stage' }, element('h2', {}, item.stageTitle)));
    stage = item.stageTitle;
    const label = item.kind === 'question' ? item.key.toUpperCase() : l10n.t('{0}, follow-up', item.key.toUpperCase());
    const li = element('li', { className: `turn interviewer${item.kind === 'follow-up' ? ' follow-up' : ''}${item.current ? ' current' : ''}`, 'data-key': item.key, 'aria-current': item.current ? 'step' : undefined, 'aria-label': l10n.t('Interviewer, {0}', label) },
      element('div', { className: 'turn-header' }, icon(item.kind === 'question' ? 'person' : 'comment-discussion'), element('span', { className: 'speaker' }, item.kind === 'question' ? l10n.t('Interviewer') : l10n.t('Interviewer · follow-up')), element('span', { className: 'budget' }, label)));
    const body = element('div', { className: 'turn-body markdown', tabindex: '-1' });
    body.innerHTML = renderMarkdown(item.text);
    li.append(body);
    if (item.modelAnswer !== undefined) {
      const answer = element('div', { className: 'markdown' });
      answer.innerHTML = renderMarkdown(item.modelAnswer);
      li.append(element('details', { className: 'model-answer' }, element('summary', {}, l10n.t('Model answer')), answer));
    }
    items.append(li);
  }
  if (state.stream && !session.ended) items.append(renderStream(state.stream));
  const hint = session.ended
    ? element('p', { className: 'hint' }, l10n.t('The interview is over: the model answers are revealed under each question.'))
    : element('p', { className: 'hint' }, l10n.t('Answer each question in the session draft, under its heading. Model answers stay hidden until the interview ends.'));
  root.replaceChildren(element('header', {}, element('h1', { id: 'dialogue-title' }, l10n.t('Mock interview: {0}', session.title)), element('p', { className: 'meta' }, meta)), clock, controls, hint, items);
  markFirstPrompt();
}

function markFirstPrompt(): void {
  if (markedFirstPrompt || !state.session || state.session.items.length === 0) return;
  markedFirstPrompt = true;
  performance.mark('interview-dialogues:first-session-prompt');
}

function updateSessionClock(session: PlayerSession): void {
  const clock = document.getElementById('session-clock');
  if (!clock) return;
  clock.lastChild!.textContent = ` ${session.status}`;
  clock.title = session.description;
  clock.setAttribute('aria-label', session.description);
}

/** Says each prompt the interview reaches, once: the question's label and its text. */
function announceNewPrompts(): void {
  const items = state.session?.items ?? [];
  const fresh = items.filter((item) => !seenPrompts.has(item.key));
  seenPrompts = new Set(items.map((item) => item.key));
  const newest = fresh.at(-1);
  if (!newest) return;
  const text = document.querySelector(`[data-key="${CSS.escape(newest.key)}"] .turn-body`)?.textContent?.trim() ?? '';
  announce(newest.kind === 'question' ? l10n.t('Question {0}: {1}', newest.key.slice(1), text.slice(0, 300)) : l10n.t('Follow-up: {0}', text.slice(0, 300)));
}

function renderStream(stream: PlayerStream): HTMLElement {
  const note = stream.state === 'cut' ? l10n.t('cut off: the reply broke off midway') : stream.state === 'streaming' ? l10n.t('asking…') : '';
  const li = element('li', { id: STREAM_ID, className: `turn interviewer follow-up streaming${stream.state === 'streaming' ? '' : ' done'}`, 'aria-label': l10n.t('Interviewer, follow-up'), 'aria-busy': stream.state === 'streaming' ? 'true' : 'false' },
    element('div', { className: 'turn-header' }, icon('comment-discussion'), element('span', { className: 'speaker' }, l10n.t('Interviewer · follow-up')), element('span', { id: `${STREAM_ID}-note`, className: 'budget' }, note)));
  const body = element('div', { id: `${STREAM_ID}-body`, className: 'turn-body markdown' });
  body.innerHTML = renderMarkdown(stream.text);
  li.append(body);
  return li;
}

/** Paints a stream update in place (only the streamed turn changes), marks the first words, announces the end. */
function showStream(stream: PlayerStream | undefined, previous: PlayerStream | undefined): void {
  const existing = document.getElementById(STREAM_ID);
  if (!stream) {
    existing?.remove();
    return;
  }
  if (existing) existing.replaceWith(renderStream(stream));
  else keepingFocus(render);
  // Bench hook: the first words of each new stream are on screen (measured against the model's first chunk).
  const hadWords = previous?.state === 'streaming' && previous.text.trim() !== '';
  if (!hadWords && stream.text.trim() !== '') performance.mark('interview-dialogues:first-streamed-words');
  if (stream.state === 'done') announce(l10n.t('The interviewer asks: {0}', document.getElementById(`${STREAM_ID}-body`)?.textContent?.trim() ?? ''));
  else if (stream.state === 'cut') announce(l10n.t('The follow-up was cut off. What arrived: {0}', document.getElementById(`${STREAM_ID}-body`)?.textContent?.trim() ?? ''));
  else if (!previous || previous.state !== 'streaming') announce(l10n.t('The interviewer is asking a follow-up.'));
}
