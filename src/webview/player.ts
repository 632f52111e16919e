/**
 * The player webview: renders a dialogue turn by turn. All dialogue text is untrusted Markdown: it is rendered
 * with marked and sanitized with DOMPurify before it touches the DOM. State lives in `setState`, so hiding the
 * panel or reloading the window restores the same place.
 */
import DOMPurify from 'dompurify';
import type { HostMessage, PersistedPlayerState, PlayerState, PlayerTimer, PlayerTurn, WebviewMessage } from '../protocol/player';
import { autoAdvanceDelayMs, isConcealed } from '../core/playback';
import { questionTurnOf } from '../core/questions';
import { button, element, icon, initialState, vscodeApi } from './dom';
import { markdownRenderer } from './markdown';

const vscode = vscodeApi<WebviewMessage, PersistedPlayerState>();
const root = document.getElementById('player')!;
const announcer = document.getElementById('announcer')!;
const renderMarkdown = markdownRenderer(DOMPurify);

let state = initialState<PlayerState>();
let playing: ReturnType<typeof setTimeout> | undefined;

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
  vscode.postMessage({ type: 'position', index: next });
  render();
  if (announce) announceTurn(next);
  document.querySelector('.turn.current')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

function announceTurn(index: number): void {
  const turn = state.dialogue?.turns[index];
  if (!turn) return;
  const who = turn.speaker === 'interviewer' ? 'Interviewer' : 'Candidate';
  const hidden = isConcealed(state, index) ? ' (model answer hidden)' : '';
  announcer.textContent = `Turn ${index + 1} of ${state.dialogue!.turns.length}, ${who}${hidden}`;
}

function reveal(index: number): void {
  if (state.revealed.includes(index)) return;
  state = { ...state, revealed: [...state.revealed, index].sort((a, b) => a - b) };
  persist();
  vscode.postMessage({ type: 'reveal', turnIndex: index });
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
  const who = turn.speaker === 'interviewer' ? 'Interviewer' : 'Candidate';
  const item = element('li', {
    className: `turn ${turn.speaker}${current ? ' current' : ''}`,
    'data-index': String(index),
    'data-speaker': turn.speaker,
    'aria-current': current ? 'step' : undefined,
    'aria-label': `${who}, turn ${index + 1}`,
  });
  const header = element('div', { className: 'turn-header' }, icon(turn.speaker === 'interviewer' ? 'person' : 'account'), element('span', { className: 'speaker' }, who));
  item.append(header);
  if (turn.questionId) {
    const answered = state.answered[turn.questionId];
    header.append(element('span', { className: 'budget', title: 'Time to answer' }, icon('watch'), ` ${turn.budgetLabel ?? ''}`));
    if (answered) header.append(element('span', { className: 'answered', title: `Answered ${answered.attempts}×` }, icon('pass-filled'), ` best ${answered.bestLabel}`));
  }
  if (isConcealed(state, index)) {
    const body = element('div', { className: 'turn-body concealed' }, element('p', {}, 'The model answer is hidden in practice mode. Draft your own answer first, or reveal it.'));
    const actions = element('div', { className: 'actions' });
    const question = previousQuestion(index);
    if (question) actions.append(button(undefined, 'Answer this question', 'edit', 'Answer this question', () => answer(question), 'answer'));
    actions.append(button(undefined, 'Reveal answer', 'eye', 'Reveal answer', () => reveal(index), 'reveal secondary'));
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
      item.append(element('details', { className: 'key-points' }, element('summary', {}, 'Key points for self-review'), list));
    }
  }
  if (turn.questionId) {
    const questionId = turn.questionId;
    item.append(element('div', { className: 'actions' }, button(undefined, 'Answer this question', 'edit', 'Answer this question', () => answer(questionId), 'answer')));
  }
  return item;
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
    element('span', { id: 'timer', role: 'timer', 'aria-label': `${timer.label}${timer.paused ? ', paused' : ''}` }, timer.label),
    element('span', { className: 'timer-prompt', title: timer.prompt }, timer.paused ? `paused · ${timer.prompt}` : timer.prompt),
    timer.paused
      ? button('timer-resume', 'Resume timer', 'debug-continue', 'Resume', () => vscode.postMessage({ type: 'timerAction', action: 'resume' }), 'secondary')
      : button('timer-pause', 'Pause timer', 'debug-pause', 'Pause', () => vscode.postMessage({ type: 'timerAction', action: 'pause' }), 'secondary'),
    button('timer-finish', 'Finish answer', 'check', 'Finish', () => vscode.postMessage({ type: 'timerAction', action: 'finish' })),
  );
  return box;
}

function render(): void {
  const dialogue = state.dialogue;
  root.replaceChildren();
  if (!dialogue) {
    root.append(
      element('h1', { id: 'dialogue-title' }, state.missingTitle ?? 'Dialogue not found'),
      element('p', { className: 'missing', role: 'alert' }, 'This dialogue is no longer in its file: it was deleted or renamed. Close this player and open it again from the Topics view.'),
      button('close', 'Close player', 'close', 'Close', () => vscode.postMessage({ type: 'close' })),
    );
    return;
  }
  const total = dialogue.turns.length;
  const meta = element('p', { className: 'meta' }, `${dialogue.topic} · ${dialogue.level}${dialogue.tags.length ? ' · ' + dialogue.tags.join(', ') : ''}`);
  const modeButton = button('mode', state.mode === 'practice' ? 'Practice mode: model answers hidden until you answer. Switch to study mode' : 'Study mode: model answers shown. Switch to practice mode', state.mode === 'practice' ? 'eye-closed' : 'eye', state.mode === 'practice' ? 'Practice mode' : 'Study mode', () => {
    vscode.postMessage({ type: 'setMode', mode: state.mode === 'practice' ? 'study' : 'practice' });
  }, 'secondary');
  const controls = element(
    'div',
    { className: 'controls', role: 'toolbar', 'aria-label': 'Playback' },
    button('prev', 'Previous turn', 'arrow-left', 'Previous', () => goTo(state.position - 1)),
    button('next', 'Next turn', 'arrow-right', 'Next', () => goTo(state.position + 1)),
    button('play', playing ? 'Pause playback' : 'Play', playing ? 'debug-pause' : 'play', playing ? 'Pause' : 'Play', togglePlay),
    button('restart', 'Restart', 'debug-restart', 'Restart', () => {
      stopPlaying();
      goTo(0);
      render();
    }),
    element('span', { id: 'position', 'aria-live': 'off' }, `Turn ${state.position + 1} of ${total}`),
    modeButton,
  );
  (controls.querySelector('#prev') as HTMLButtonElement).disabled = state.position === 0;
  (controls.querySelector('#next') as HTMLButtonElement).disabled = state.position >= total - 1;

  const turns = element('ol', { id: 'turns', 'aria-label': 'Dialogue turns' });
  let stage: string | undefined;
  dialogue.turns.slice(0, state.position + 1).forEach((turn, index) => {
    if (turn.stage && turn.stage !== stage) {
      stage = turn.stage;
      turns.append(element('li', { className: 'stage', role: 'presentation' }, element('h2', {}, turn.stage)));
    }
    turns.append(renderTurn(turn, index));
  });
  root.append(element('header', {}, element('h1', { id: 'dialogue-title' }, dialogue.title), meta), renderTimer(state.timer), controls);
  if (dialogue.intro) {
    const intro = element('div', { className: 'intro markdown' });
    intro.innerHTML = renderMarkdown(dialogue.intro);
    root.append(intro);
  }
  root.append(turns);
  if (state.guidance.length > 0) {
    const aside = element('aside', { id: 'guidance', 'aria-label': 'Tips' });
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
  if (after.phase === 'warning') announcer.textContent = `Time is running low: ${after.label} left.`;
  else if (after.phase === 'overtime') announcer.textContent = 'Time is up. The timer now counts overtime; finish when ready.';
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message?.type === 'state') {
    const focusedId = document.activeElement?.id;
    state = message.state;
    persist();
    render();
    if (focusedId) document.getElementById(focusedId)?.focus();
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
vscode.postMessage({ type: 'ready' });
