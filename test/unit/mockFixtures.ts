/** Dialogues for the mock-session tests (not a test file itself: mocha only loads *.test.js). */
import { startMockSession, type MockSession } from '../../src/core/mock/session';
import type { Dialogue } from '../../src/core/model';
import { md, parse } from './helpers';

export const DEFAULTS = { designBudgetSeconds: 30 * 60, otherBudgetSeconds: 5 * 60 };

/** Four stages: 8 + 15 + 12 (no stage budget: its questions' 7 + 5) + 5 minutes = 40 minutes. */
export const STAGED_SOURCE = md(
  '## Chat system',
  '',
  '- **Kind:** mock',
  '- **Tags:** chat, websockets',
  '- **Id:** mock-chat',
  '',
  '### Requirements',
  '',
  '**Time:** 8 min',
  '',
  '> **Interviewer:** "Design a chat system. What do you ask first?"',
  '>',
  '> **Candidate:** "Scale and delivery guarantees."',
  '',
  '**Time:** 8 min',
  '**Key points:**',
  '- Ask about scale.',
  '- Ask about delivery guarantees.',
  '',
  '### High-level design',
  '',
  '**Time:** 15 min',
  '',
  '> **Interviewer:** "Sketch the architecture."',
  '>',
  '> **Candidate:** "Gateways, a message store, fan-out."',
  '',
  '**Time:** 10 min',
  '**Key points:**',
  '- Stateless gateways.',
  '',
  '> **Interviewer:** "Where does a message wait when the recipient is offline?"',
  '>',
  '> **Candidate:** "In a per-user inbox."',
  '',
  '**Time:** 5 min',
  '',
  '### Deep dive',
  '',
  '> **Interviewer:** "How do you order messages?"',
  '>',
  '> **Candidate:** "Per-conversation sequence numbers."',
  '',
  '**Time:** 7 min',
  '',
  '> **Interviewer:** "What breaks first at ten times the load?"',
  '>',
  '> **Candidate:** "The fan-out for large groups."',
  '',
  '**Time:** 5 min',
  '',
  '### Wrap-up',
  '',
  '**Time:** 5 min',
  '',
  '> **Interviewer:** "What would you like to ask me?"',
  '>',
  '> **Candidate:** "How the team handles on-call."',
  '',
  '**Time:** 5 min',
);

export function dialogueOf(source: string): Dialogue {
  const result = parse(source);
  if (result.dialogues.length !== 1) throw new Error(`expected one dialogue, got ${result.dialogues.length}: ${JSON.stringify(result.diagnostics)}`);
  return result.dialogues[0];
}

export const STAGED = dialogueOf(STAGED_SOURCE);

/** A plain (not staged) dialogue: two questions, one with no budget (the 5-minute default applies). */
export const PLAIN = dialogueOf(
  md(
    '## Caching basics',
    '',
    '- **Topic:** Performance',
    '',
    '> **Interviewer:** "When would you not add a cache?"',
    '>',
    '> **Candidate:** "When the data changes faster than it is read."',
    '',
    '**Time:** 4 min',
    '',
    '> **Interviewer:** "How do you invalidate?"',
    '>',
    '> **Candidate:** "TTLs plus events."',
  ),
);

/** A session of `dialogue` started at `now`, failing the test if it cannot start. */
export function startSession(dialogue: Dialogue, now: number): MockSession {
  const result = startMockSession({ dialogue, defaults: DEFAULTS, now, draftPath: '/drafts/session.md' });
  if ('error' in result) throw new Error(result.error);
  return result.session;
}
