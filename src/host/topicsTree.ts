/**
 * The sidebar tree: today's Due group first, then topics → dialogues → questions, with practice progress, when each
 * question comes back, and a level/tag/source filter.
 */
import * as vscode from 'vscode';
import type { LibraryFilter } from '../core/library';
import { budgetOf } from '../core/draft';
import type { Dialogue, Question } from '../core/model';
import { plural } from '../core/plural';
import { dueLabel } from '../core/review/dueLabel';
import { formatDuration } from '../core/text';
import { Commands, ContextKeys } from '../ids';
import { ContextKey } from './contextKey';
import { ratingLabel } from './l10n';
import type { DueQueueService } from './dueQueue';
import type { LibraryService } from './libraryService';
import type { HistoryService } from './historyService';
import type { Settings } from './settings';

export type TopicNode = { kind: 'topic'; topic: string; dialogues: Dialogue[] };
export type DialogueNode = { kind: 'dialogue'; dialogue: Dialogue };
/** `due` is set on the question's row inside the Due group (its other row sits under its dialogue). */
export type QuestionNode = { kind: 'question'; dialogue: Dialogue; question: Question; due?: true };
export type DueNode = { kind: 'due'; questions: QuestionNode[]; fresh: number };
export type TreeNode = DueNode | TopicNode | DialogueNode | QuestionNode;

export class TopicsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly filterChanged = new vscode.EventEmitter<string | undefined>();
  /** Fires with a short description of the filter (for the view's title), undefined when cleared. */
  readonly onDidChangeFilter = this.filterChanged.event;
  private filter: LibraryFilter = {};
  private readonly filterActive = new ContextKey<boolean>(ContextKeys.filterActive);
  private readonly nodes = new Map<string, TreeNode>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly libraries: LibraryService,
    private readonly history: HistoryService,
    private readonly queue: DueQueueService,
    private readonly settings: () => Settings,
  ) {
    // Topics change with the library, progress with the history, the Due group with the queue (which fires only
    // when it changed, so a rating that leaves the queue as it was refreshes the tree once).
    this.subscriptions = [libraries.onDidLoad(() => this.refresh()), history.onDidChange(() => this.refresh()), queue.onDidChange(() => this.refresh())];
  }

  refresh(): void {
    this.nodes.clear();
    this.changed.fire(undefined);
  }

  setFilter(filter: LibraryFilter): void {
    this.filter = filter;
    this.filterChanged.fire(describeFilter(filter));
    this.filterActive.set(Boolean(filter.level || filter.tag || filter.source));
    this.refresh();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      const library = await this.libraries.library();
      const queued = this.queue.peek() ?? [];
      const topics: TreeNode[] = library.topics(this.filter).map(({ topic, dialogues }) => this.remember(`topic:${topic}`, { kind: 'topic', topic, dialogues }));
      const due = queued.flatMap(({ questionId }) => {
        const found = library.question(questionId);
        return found ? [{ kind: 'question' as const, dialogue: found.dialogue, question: found.question, due: true as const }] : [];
      });
      return due.length > 0 ? [{ kind: 'due', questions: due, fresh: queued.filter((q) => q.fresh).length }, ...topics] : topics;
    }
    if (node.kind === 'due') return node.questions;
    if (node.kind === 'topic') {
      return node.dialogues.map((dialogue) => this.remember(`dialogue:${dialogue.id}`, { kind: 'dialogue', dialogue }));
    }
    if (node.kind === 'dialogue') {
      return node.dialogue.questions.map((question) => this.remember(`question:${question.id}`, { kind: 'question', dialogue: node.dialogue, question }));
    }
    return [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'question' && node.due) return undefined;
    if (node.kind === 'question') return this.nodes.get(`dialogue:${node.dialogue.id}`);
    if (node.kind === 'dialogue') return this.nodes.get(`topic:${node.dialogue.topic}`);
    return undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'due') return dueItem(node);
    if (node.kind === 'topic') return this.topicItem(node);
    if (node.kind === 'dialogue') return this.dialogueItem(node.dialogue);
    return this.questionItem(node);
  }

  private topicItem(node: TopicNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.topic, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `topic:${node.topic}`;
    const count = node.dialogues.length;
    item.description = plural(vscode.l10n.t('{0, plural, one {# dialogue} other {# dialogues}}'), count);
    item.iconPath = new vscode.ThemeIcon(node.dialogues.every((d) => d.kind === 'mock') ? 'organization' : 'folder-library');
    item.contextValue = 'topic';
    return item;
  }

  private dialogueItem(dialogue: Dialogue): vscode.TreeItem {
    const item = new vscode.TreeItem(dialogue.title, dialogue.questions.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `dialogue:${dialogue.id}`;
    const practised = dialogue.questions.filter((q) => this.history.progress(q.id)).length;
    const status = practised === 0 ? undefined : practised === dialogue.questions.length ? vscode.l10n.t('✓ practised') : vscode.l10n.t('{0}/{1} practised', practised, dialogue.questions.length);
    item.description = [dialogue.kind === 'mock' ? vscode.l10n.t('mock') : undefined, dialogue.level, status].filter(Boolean).join(' · ');
    const settings = this.settings();
    const totalSeconds = dialogue.questions.reduce((sum, q) => sum + budgetOf(dialogue, q, settings), 0);
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendMarkdown(`**${escapeMarkdown(dialogue.title)}**\n\n`);
    const questions = plural(vscode.l10n.t('{0, plural, one {# question} other {# questions}}'), dialogue.questions.length);
    tooltip.appendMarkdown(`${escapeMarkdown(dialogue.topic)} · ${escapeMarkdown(dialogue.level)} · ${questions} · ${vscode.l10n.t('{0} to answer them all', formatDuration(totalSeconds))}\n\n`);
    if (dialogue.tags.length > 0) tooltip.appendMarkdown(`${vscode.l10n.t('Tags: {0}', dialogue.tags.map((t) => `\`${escapeMarkdown(t)}\``).join(' '))}\n\n`);
    if (practised > 0) tooltip.appendMarkdown(`${plural(vscode.l10n.t('Practised {0} of {1, plural, one {# question} other {# questions}}', practised, dialogue.questions.length), practised, dialogue.questions.length)}\n\n`);
    const file = escapeMarkdown(vscode.workspace.asRelativePath(vscode.Uri.parse(dialogue.file), false));
    tooltip.appendMarkdown(dialogue.sourceLabel ? vscode.l10n.t('From {0}: {1}', escapeMarkdown(dialogue.sourceLabel), file) : vscode.l10n.t('From the library: {0}', file));
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(dialogue.kind === 'mock' ? 'record' : 'comment-discussion');
    item.contextValue = 'dialogue';
    item.command = { command: Commands.openDialogue, title: vscode.l10n.t('Open Dialogue'), arguments: [{ dialogueId: dialogue.id }] };
    item.accessibilityInformation = { label: [dialogue.title, dialogue.level, ...(practised > 0 ? [vscode.l10n.t('practised {0} of {1}', practised, dialogue.questions.length)] : [])].join(', ') };
    return item;
  }

  private questionItem({ dialogue, question, due }: QuestionNode): vscode.TreeItem {
    const item = new vscode.TreeItem(question.prompt, vscode.TreeItemCollapsibleState.None);
    item.id = `${due ? 'due:' : ''}question:${question.id}`;
    const progress = this.history.progress(question.id);
    const card = this.history.card(question.id);
    const days = this.history.days();
    const when = days ? dueLabel(card, Date.now(), days) : { dueToday: false };
    const budget = budgetOf(dialogue, question, this.settings());
    const done = progress ? `✓ ${formatDuration(progress.bestSeconds)}` : formatDuration(budget);
    item.description = [due ? dialogue.title : undefined, when.short ?? (due ? vscode.l10n.t('new') : undefined), done].filter(Boolean).join(' · ');
    item.iconPath = card?.suspended
      ? new vscode.ThemeIcon('debug-pause')
      : progress ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('question');
    const tooltip = new vscode.MarkdownString(undefined, false);
    const facts = [
      vscode.l10n.t('{0} to answer', formatDuration(budget)),
      ...(progress ? [vscode.l10n.t('answered {0}×', progress.attempts), vscode.l10n.t('best {0}', formatDuration(progress.bestSeconds))] : []),
      ...(when.short ? [when.short] : []),
      ...(card?.lastRating ? [vscode.l10n.t('last rated {0}', ratingLabel(card.lastRating))] : []),
    ];
    tooltip.appendMarkdown(`${escapeMarkdown(question.prompt)}\n\n${facts.join(' · ')}`);
    item.tooltip = tooltip;
    item.contextValue = ['question', progress ? 'answered' : undefined, card && card.state !== 'new' ? 'reviewed' : undefined, card?.suspended ? 'suspended' : undefined].filter(Boolean).join('.');
    item.command = { command: Commands.openDialogue, title: vscode.l10n.t('Open Dialogue at Question'), arguments: [{ dialogueId: dialogue.id, turnIndex: question.turnIndex }] };
    const status = progress ? vscode.l10n.t('Answered, best time {0}', formatDuration(progress.bestSeconds)) : vscode.l10n.t('Not answered yet, {0} to answer', formatDuration(budget));
    item.accessibilityInformation = { label: `${vscode.l10n.t('Question: {0}.', question.prompt)} ${[status, ...(when.short ? [when.short] : [])].join(', ')}` };
    return item;
  }

  private remember<T extends TreeNode>(key: string, node: T): T {
    this.nodes.set(key, node);
    return node;
  }

  dispose(): void {
    this.changed.dispose();
    this.filterChanged.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function dueItem(node: DueNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Due today'), vscode.TreeItemCollapsibleState.Expanded);
  item.id = 'due';
  const again = node.questions.length - node.fresh;
  item.description = [again > 0 ? vscode.l10n.t('{0} due', again) : undefined, node.fresh > 0 ? vscode.l10n.t('{0} new', node.fresh) : undefined].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon('calendar');
  item.contextValue = 'due';
  item.tooltip = vscode.l10n.t('Questions to practise today: those due again, then new ones up to your daily limit (setting interviewDialogues.review.newQuestionsPerDay). Practise them one by one with Practise Due Questions.');
  item.accessibilityInformation = { label: vscode.l10n.t('Due today: {0}', item.description) };
  return item;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}

function describeFilter(filter: LibraryFilter): string | undefined {
  if (filter.level) return vscode.l10n.t('level: {0}', filter.level);
  if (filter.tag) return vscode.l10n.t('tag: {0}', filter.tag);
  if (filter.source) return vscode.l10n.t('one source');
  return undefined;
}
