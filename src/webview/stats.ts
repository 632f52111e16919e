/**
 * The stats webview: overview tiles and one section per chart, each an SVG (`role="img"`, named by its summary) with
 * a "Show as table" disclosure holding the same numbers. What to show is statsView.ts; this page builds the
 * elements once per state, off-document, and adds them in one go.
 */
import * as l10n from '@vscode/l10n';
import type { PersistedStats, StatsHostMessage, StatsMessage, StatsState } from '../protocol/stats';
import type { Chart } from './charts';
import { button, element, initialState, keepingFocus, vscodeApi } from './dom';
import { type ChartSection, type Table, statsView } from './statsView';

const SVG_NS = 'http://www.w3.org/2000/svg';
const vscode = vscodeApi<StatsMessage, PersistedStats>();
const root = document.getElementById('stats')!;
const saved = vscode.getState();
const openTables = new Set<string>(Array.isArray(saved?.openTables) ? saved.openTables.filter((id) => typeof id === 'string') : []);

let state = initialState<StatsState>();

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** The chart as SVG: colours come from the shapes' classes (media/stats.css), sizes from presentation attributes. */
function chartElement(chart: Chart, id: string, summary: string): SVGSVGElement {
  const titleId = `${id}-title`;
  const node = svg('svg', { class: 'chart', role: 'img', 'aria-labelledby': titleId, viewBox: `0 0 ${chart.width} ${chart.height}`, width: chart.width, height: chart.height }, svg('title', { id: titleId }, summary));
  for (const shape of chart.shapes) {
    if (shape.kind === 'rect') {
      node.append(svg('rect', { x: shape.x, y: shape.y, width: shape.width, height: shape.height, class: shape.className }, ...(shape.title ? [svg('title', {}, shape.title)] : [])));
    } else if (shape.kind === 'line') {
      node.append(svg('line', { x1: shape.x1, y1: shape.y1, x2: shape.x2, y2: shape.y2, class: shape.className }));
    } else {
      node.append(svg('text', { x: shape.x, y: shape.y, 'text-anchor': shape.anchor }, shape.text));
    }
  }
  return node;
}

function tableElement(table: Table): HTMLTableElement {
  return element(
    'table',
    {},
    element('caption', {}, table.caption),
    element('thead', {}, element('tr', {}, ...table.head.map((cell) => element('th', { scope: 'col' }, cell)))),
    element('tbody', {}, ...table.rows.map(([header, ...cells]) => element('tr', {}, element('th', { scope: 'row' }, header), ...cells.map((cell) => element('td', {}, cell))))),
  );
}

function legendElement(section: ChartSection): HTMLElement {
  return element(
    'ul',
    { className: 'legend', 'aria-hidden': 'true' },
    ...section.legend.map((item) => element('li', {}, svg('svg', { class: 'swatch', viewBox: '0 0 10 10', width: 10, height: 10 }, svg('rect', { width: 10, height: 10, class: item.className })), ` ${item.label}`)),
  );
}

/** A disclosure with the chart's numbers; whether it is open survives a reload (webview state). */
function tableDisclosure(section: ChartSection, table: Table): HTMLDetailsElement {
  const details = element('details', { className: 'as-table', id: `${section.id}-table` }, element('summary', { id: `${section.id}-table-toggle` }, l10n.t('Show as table')), element('div', { className: 'table-scroll' }, tableElement(table)));
  details.open = openTables.has(section.id);
  details.addEventListener('toggle', () => {
    if (details.open) openTables.add(section.id);
    else openTables.delete(section.id);
    vscode.setState({ openTables: [...openTables] });
  });
  return details;
}

function sectionElement(section: ChartSection): HTMLElement {
  const headingId = `${section.id}-heading`;
  const node = element('section', { className: 'chart-section', id: section.id, 'aria-labelledby': headingId }, element('h2', { id: headingId }, section.heading));
  if (section.chart) node.append(element('div', { className: 'chart-box' }, chartElement(section.chart, section.id, section.summary)), legendElement(section));
  if (section.note) node.append(element('p', { className: 'note' }, section.note));
  if (section.table) node.append(tableDisclosure(section, section.table));
  return node;
}

function emptyState(): HTMLElement {
  return element(
    'section',
    { className: 'empty', 'aria-labelledby': 'empty-heading' },
    element('h2', { id: 'empty-heading' }, l10n.t('No practice yet')),
    element('p', {}, l10n.t('Your streak, practice days, reviews and retention appear here once you have practised. To start: answer a question against the clock (the pencil next to a question in the Topics view, or Answer This Question), finish it, then rate your answer in the review that opens.')),
    element('div', { className: 'actions' },
      button('start', l10n.t('Answer a question'), 'edit', l10n.t('Answer a Question'), () => vscode.postMessage({ type: 'action', action: 'answer' })),
      button('topics', l10n.t('Show Topics view'), 'list-tree', l10n.t('Show Topics'), () => vscode.postMessage({ type: 'action', action: 'topics' }), 'secondary')),
  );
}

function render(): void {
  const header = element('header', {}, element('h1', {}, l10n.t('Practice statistics')));
  const stats = state.stats;
  if (!stats) {
    root.replaceChildren(header, element('p', { className: 'note', role: 'alert' }, l10n.t('Your practice history could not be read. The Output panel (Interview Dialogues) says why; check the setting {0}.', 'interviewDialogues.historyFolder')));
    return;
  }
  const view = statsView(stats);
  if (view.empty) {
    root.replaceChildren(header, emptyState());
    return;
  }
  const actions = element('div', { className: 'actions' },
    button('practise-due', l10n.t('Practise due questions'), 'calendar', l10n.t('Practise Due Questions'), () => vscode.postMessage({ type: 'action', action: 'practiseDue' })));
  const tiles = element('dl', { className: 'tiles', 'aria-label': l10n.t('Overview') }, ...view.tiles.map((tile) => element('div', { className: 'tile' }, element('dt', {}, tile.label), element('dd', { className: 'value' }, tile.value), element('dd', { className: 'detail' }, tile.detail))));
  // Built off-document and added at once: one layout for the whole page.
  const page = document.createDocumentFragment();
  page.append(header, actions, tiles, ...view.sections.map(sectionElement));
  root.replaceChildren(page);
}

window.addEventListener('message', (event: MessageEvent<StatsHostMessage>) => {
  if (event.data?.type !== 'state' || event.data.state.revision === state.revision) return;
  state = event.data.state;
  keepingFocus(render);
});

render();
performance.mark('interview-dialogues:stats-first-render');
vscode.postMessage({ type: 'ready', revision: state.revision });
