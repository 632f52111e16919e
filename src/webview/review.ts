/**
 * The review webview: the user's answer beside the model answer, the key-point checklist and the rubric as radio
 * groups, the proposed rating with its reason, and the four rating buttons with their next intervals (keys 1–4).
 * Every rule lives in the host; this page renders its state and posts what the user chose.
 */
import * as l10n from '@vscode/l10n';
import DOMPurify from 'dompurify';
import type { KeyPointMark, PersistedReview, Rating, ReviewHostMessage, ReviewMessage, ReviewState } from '../protocol/review';
import { plural } from '../core/plural';
import { announce, button, element, icon, initialState, keepingFocus, vscodeApi } from './dom';
import { ratingName } from './ratings';
import { markdownRenderer } from './markdown';

const vscode = vscodeApi<ReviewMessage, PersistedReview>();
const root = document.getElementById('review')!;
const renderMarkdown = markdownRenderer(DOMPurify);
const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];
const MARKS: readonly { mark: KeyPointMark; label: string }[] = [
  { mark: 'covered', label: l10n.t('Covered') },
  { mark: 'partly', label: l10n.t('Partly') },
  { mark: 'missed', label: l10n.t('Missed') },
];

let state = initialState<ReviewState>();

function markdownBlock(markdown: string, className = ''): HTMLElement {
  const block = element('div', { className: `markdown ${className}`.trim() });
  block.innerHTML = renderMarkdown(markdown);
  return block;
}

/** A group of native radio buttons: arrow keys move within it, Tab leaves it, screen readers name it by its legend. */
function radioGroup(name: string, legend: Node | string, options: readonly { value: string; label: string; detail?: string }[], checked: string | undefined, onChange: (value: string) => void): HTMLFieldSetElement {
  const fieldset = element('fieldset', { className: 'choices' }, element('legend', {}, legend));
  for (const option of options) {
    const id = `${name}-${option.value}`;
    const input = element('input', { type: 'radio', name, id, value: option.value });
    input.checked = option.value === checked;
    input.addEventListener('change', () => input.checked && onChange(option.value));
    fieldset.append(element('label', { for: id, className: 'choice', title: option.detail }, input, ` ${option.label}`));
  }
  return fieldset;
}

function renderAnswers(): HTMLElement {
  const draft = state.draft.markdown !== undefined ? markdownBlock(state.draft.markdown) : element('p', { className: 'missing', role: 'note' }, icon('warning'), ` ${state.draft.missing ?? ''}`);
  const model = state.modelAnswer !== undefined ? markdownBlock(state.modelAnswer) : element('p', {}, l10n.t('This question has no model answer in its dialogue.'));
  return element(
    'div',
    { className: 'answers' },
    element('section', { 'aria-labelledby': 'your-answer' }, element('h2', { id: 'your-answer' }, l10n.t('Your answer')), draft),
    element('section', { 'aria-labelledby': 'model-answer' }, element('h2', { id: 'model-answer' }, l10n.t('Model answer')), model),
  );
}

function renderKeyPoints(): HTMLElement {
  const section = element('section', { 'aria-labelledby': 'key-points' }, element('h2', { id: 'key-points' }, l10n.t('Key points')));
  if (state.keyPoints.length === 0) {
    section.append(element('p', {}, l10n.t('This question lists no key points; judge the answer by the model answer and the rubric.')));
    return section;
  }
  section.append(element('p', { className: 'hint' }, l10n.t('For each point: did your answer cover it?')));
  if (state.check) section.append(renderCheck(state.check));
  state.keyPoints.forEach((point, index) => {
    const legend = element('span', { className: 'markdown inline' });
    legend.innerHTML = renderMarkdown(point.text);
    const group = radioGroup(`kp${index}`, legend, MARKS.map(({ mark, label }) => ({ value: mark, label })), point.mark, (mark) => vscode.postMessage({ type: 'mark', index, mark: mark as KeyPointMark }));
    if (point.suggestion) group.append(renderSuggestion(point.suggestion, point.mark, index));
    section.append(group);
  });
  return section;
}

/** Check Against Key Points: the button, its progress, and what the model's reply left unclear. */
function renderCheck(check: NonNullable<ReviewState['check']>): HTMLElement {
  const box = element('div', { className: 'check', role: 'group', 'aria-label': l10n.t('Check against key points') });
  const run = button('check-key-points', l10n.t('Check against key points: your language model suggests which points your draft covers, quoting it. You decide.'), check.running ? 'loading' : 'sparkle', check.running ? l10n.t('Checking…') : l10n.t('Check Against Key Points'), () => vscode.postMessage({ type: 'checkKeyPoints' }), 'secondary');
  run.disabled = check.running;
  box.append(run);
  const suggested = state.keyPoints.filter((p) => p.suggestion && p.suggestion.mark !== p.mark).length;
  if (suggested > 0) {
    const accept = plural(l10n.t('{0, plural, one {Accept the suggestion} other {Accept all # suggestions}}'), suggested);
    box.append(button('accept-all', accept, 'check-all', accept, () => vscode.postMessage({ type: 'acceptSuggestions' }), 'secondary'));
  }
  box.append(element('p', { id: 'check-status', className: 'hint', role: 'status' }, check.running ? l10n.t('Asking your language model…') : check.problems.join(' ')));
  return box;
}

/** The model's suggestion under a key point: its mark, the quote it found in the draft, and a button to accept it. */
function renderSuggestion(suggestion: NonNullable<ReviewState['keyPoints'][number]['suggestion']>, mark: KeyPointMark | undefined, index: number): HTMLElement {
  const label = MARKS.find((m) => m.mark === suggestion.mark)?.label ?? suggestion.mark;
  const box = element('div', { className: 'suggestion' }, icon('sparkle'), element('span', {}, ` ${l10n.t('Suggested: {0}', label)}`));
  if (suggestion.quote) box.append(element('blockquote', { className: 'quote' }, suggestion.quote));
  else if (suggestion.quoteNotFound) box.append(element('span', { className: 'hint' }, ` ${l10n.t('(its quote was not in your draft)')}`));
  if (mark !== suggestion.mark) box.append(button(`accept-${index}`, l10n.t('Accept the suggestion: {0}', label), 'check', l10n.t('Accept'), () => vscode.postMessage({ type: 'acceptSuggestions', index }), 'secondary'));
  return box;
}

function renderRubric(): HTMLElement | undefined {
  const rubric = state.rubric;
  if (!rubric) return undefined;
  const section = element('section', { 'aria-labelledby': 'rubric' }, element('h2', { id: 'rubric' }, l10n.t('Rubric: {0}', rubric.title)));
  for (const criterion of rubric.criteria) {
    const legend = element('span', {}, element('strong', {}, criterion.label), ` — ${criterion.hint}`);
    const options = criterion.levels.map((detail, i) => ({ value: String(i + 1), label: `${i + 1} ${state.levels[i]}`, detail }));
    const group = radioGroup(`rubric-${criterion.id}`, legend, options, criterion.score ? String(criterion.score) : undefined, (score) => vscode.postMessage({ type: 'score', criterion: criterion.id, score: Number(score) as 1 | 2 | 3 | 4 }));
    if (criterion.score) group.append(element('p', { className: 'level-detail' }, criterion.levels[criterion.score - 1]));
    section.append(group);
  }
  return section;
}

function renderRating(): HTMLElement {
  const section = element('section', { 'aria-labelledby': 'rating', className: 'rating' }, element('h2', { id: 'rating' }, l10n.t('Rate your answer')));
  const left = state.unjudged.keyPoints + state.unjudged.criteria;
  section.append(element('p', { id: 'proposal', className: 'proposal' }, icon('lightbulb'), ` ${l10n.t('Proposed: {0}', state.proposal.reason)}`));
  if (left > 0) section.append(element('p', { className: 'hint' }, l10n.t('{0} still to judge above; unmarked key points count as missed.', left)));
  const buttons = element('div', { className: 'rating-buttons', role: 'group', 'aria-label': l10n.t('Rating') });
  RATINGS.forEach((rating, i) => {
    const option = state.options.find((o) => o.rating === rating);
    const proposed = state.proposal.rating === rating;
    const name = ratingName(rating);
    const label = option
      ? proposed
        ? l10n.t('{0}, next in {1} (proposed)', name, option.spoken)
        : l10n.t('{0}, next in {1}', name, option.spoken)
      : proposed
        ? l10n.t('{0} (proposed)', name)
        : name;
    // The key is drawn by CSS from data-key, so the visible words ("Good", "next in 3 days") are the start of the
    // accessible name, as speech-input users need (axe: label-content-name-mismatch).
    const node = element('button', { id: `rate-${rating}`, type: 'button', className: `control rate ${proposed ? '' : 'secondary'}`.trim(), 'aria-label': label, 'aria-keyshortcuts': String(i + 1), 'data-key': String(i + 1), title: l10n.t('{0} — key {1}', label, i + 1) },
      element('span', { className: 'label' }, name),
      ' ', // read as two words, not "Goodnext" (the flex column ignores it)
      element('span', { className: 'interval' }, option ? l10n.t('next in {0}', option.spoken) : ''));
    if (proposed) node.setAttribute('aria-describedby', 'proposal');
    node.addEventListener('click', () => rate(rating));
    buttons.append(node);
  });
  section.append(buttons);
  if (state.rated) {
    section.append(element('p', { id: 'rated', className: 'rated', role: 'status' }, icon('pass-filled'), ` ${l10n.t('Rated {0}: this question comes back in {1}.', ratingName(state.rated.rating), state.rated.next)}`));
  }
  return section;
}

function rate(rating: Rating): void {
  vscode.postMessage({ type: 'rate', rating });
}

function render(): void {
  vscode.setState({ attemptId: state.attemptId });
  const time = state.time.over
    ? l10n.t('Answered in {0} of {1}, {2} over · {3}', state.time.used, state.time.budget, state.time.over, state.time.finished)
    : l10n.t('Answered in {0} of {1} · {2}', state.time.used, state.time.budget, state.time.finished);
  const actions = element('div', { className: 'actions', role: 'toolbar', 'aria-label': l10n.t('Review actions') },
    button('diff', l10n.t('Compare in diff editor'), 'diff', l10n.t('Compare in Diff Editor'), () => vscode.postMessage({ type: 'action', action: 'diff' }), 'secondary'),
    button('open-draft', l10n.t('Open Draft'), 'go-to-file', l10n.t('Open Draft'), () => vscode.postMessage({ type: 'action', action: 'openDraft' }), 'secondary'),
    button('history', l10n.t("Show this question's history"), 'history', l10n.t('History'), () => vscode.postMessage({ type: 'action', action: 'history' }), 'secondary'));
  if (state.series) {
    const last = state.series.position >= state.series.count;
    const text = last ? l10n.t('Show the Report') : l10n.t('Next Review ({0} of {1})', state.series.position + 1, state.series.count);
    actions.prepend(button('continue', last ? l10n.t('Show the report of the interview, its reviews done') : l10n.t('Next review, {0} of {1}', state.series.position + 1, state.series.count), last ? 'output' : 'arrow-right', text, () => vscode.postMessage({ type: 'continue' }), state.rated ? '' : 'secondary'));
  }
  if (state.rated && state.queue) {
    actions.prepend(button('next', state.queue.remaining > 0 ? l10n.t('Next due question, {0} left', state.queue.remaining) : l10n.t('Finish practising: nothing else is due'), 'arrow-right', state.queue.remaining > 0 ? l10n.t('Next Question ({0} left)', state.queue.remaining) : l10n.t('Done for Today'), () => vscode.postMessage({ type: 'action', action: 'next' })));
  }
  root.replaceChildren(
    element('header', {}, ...(state.series ? [element('p', { id: 'series', className: 'meta' }, l10n.t('Mock interview · Review {0} of {1}', state.series.position, state.series.count))] : []), element('h1', { id: 'question' }, state.question.prompt), element('p', { className: 'meta' }, `${state.question.dialogueTitle} · ${state.question.topic}`), element('p', { className: 'time' }, icon('watch'), ` ${time}`)),
    actions,
    renderAnswers(),
    renderKeyPoints(),
    ...[renderRubric()].filter((node): node is HTMLElement => node !== undefined),
    renderRating(),
  );
}

window.addEventListener('message', (event: MessageEvent<ReviewHostMessage>) => {
  if (event.data?.type !== 'state') return;
  const wasRated = state.rated;
  const previousProposal = state.proposal.rating;
  const wasChecking = state.check?.running === true;
  state = event.data.state;
  keepingFocus(render);
  if (state.rated && !wasRated) {
    announce(l10n.t('Rated {0}. This question comes back in {1}.', ratingName(state.rated.rating), state.rated.next));
    document.getElementById(state.series ? 'continue' : state.queue ? 'next' : 'rated')?.focus();
  } else if (wasChecking && !state.check?.running) {
    const suggested = state.keyPoints.filter((p) => p.suggestion).length;
    const done = plural(l10n.t('The check is done: {0} of {1, plural, one {# key point has} other {# key points have}} a suggestion to accept or change.', suggested), suggested, state.keyPoints.length);
    announce(state.check?.problems.length ? `${done} ${state.check.problems.join(' ')}` : done);
  } else if (state.proposal.rating !== previousProposal) {
    announce(l10n.t('Proposed rating now {0}.', ratingName(state.proposal.rating)));
  }
});

document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const index = ['1', '2', '3', '4'].indexOf(event.key);
  if (index < 0) return;
  event.preventDefault();
  rate(RATINGS[index]);
});

render();
vscode.postMessage({ type: 'ready' });
