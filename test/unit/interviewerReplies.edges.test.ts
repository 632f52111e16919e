import assert from 'node:assert/strict';
import { locate, readFollowUpReply, readKeyPointsReply } from '../../src/core/interviewer/replies';

const KEY_POINTS = ['Stateless gateways.', 'A per-user inbox for offline recipients.', 'Per-conversation sequence numbers.'];
const DRAFT = 'Clients hold a WebSocket to **stateless** gateways behind an L4 balancer.\n\nWhen the recipient is offline the message waits in their inbox, kept for 30 days.';

const NO_LIST = "The model's reply held no key-point list that could be read. Check the key points yourself, or try again.";
const CUT_OFF = "The model's reply was cut off; the key points it reached are kept, check the others yourself.";
const RATING = 'The model added a rating; it was ignored: you rate your own answer in the review.';
const NO_QUESTION = 'The model sent no follow-up question. Try again, or go on with the next question.';

const json = (value: unknown) => JSON.stringify(value);
const missed = (id: string) => ({ id, status: 'missed' });
/** The parts of a check a user sees: each point's status and quote, and the problems listed. */
const seen = (reply: string, keyPoints: readonly string[] = KEY_POINTS, draft = DRAFT) => {
  const check = readKeyPointsReply(reply, keyPoints, draft);
  return { statuses: check.suggestions.map((s) => s.status), quotes: check.suggestions.map((s) => s.quote), problems: check.problems, truncated: check.truncated };
};
/** The draft text a located quote covers, or undefined when it is not found. */
const found = (draft: string, quote: string) => {
  const range = locate(draft, quote);
  return range && draft.slice(...range);
};

describe('interviewer replies (edges)', () => {
  describe('follow-up reply', () => {
    it('unwraps a code fence that is the whole reply: with a language tag, a trailing newline, CRLF or lone CR line ends, or the closing fence on the last line', () => {
      assert.equal(readFollowUpReply('```text\nWhat breaks first at 10x load?\n```').text, 'What breaks first at 10x load?');
      assert.equal(readFollowUpReply('```\nWhat breaks first at 10x load?\n```\n').text, 'What breaks first at 10x load?');
      assert.equal(readFollowUpReply('  ```\nWhat breaks first at 10x load?\n```  ').text, 'What breaks first at 10x load?');
      assert.equal(readFollowUpReply('```\r\nWhat breaks first at 10x load?\r\n```').text, 'What breaks first at 10x load?');
      assert.equal(readFollowUpReply('```\rWhat breaks first at 10x load?\r```').text, 'What breaks first at 10x load?');
      assert.equal(readFollowUpReply('```\nWhat breaks first at 10x load?```').text, 'What breaks first at 10x load?');
    });

    it('keeps a code block that is part of the question, with the text around it', () => {
      const withConfig = 'What goes wrong with this retry policy?\n```\nretries: 100\n```';
      assert.equal(readFollowUpReply(withConfig).text, withConfig);
      const thenProse = '```\nretries: 100\n```\nWhat goes wrong with this retry policy?';
      assert.equal(readFollowUpReply(thenProse).text, thenProse);
    });

    it('strips the labels a model puts before the question, in their usual spellings and Markdown', () => {
      for (const reply of [
        'Follow-up: How big does an inbox get?',
        'Followup: How big does an inbox get?',
        'Follow up question: How big does an inbox get?',
        'Question: How big does an inbox get?',
        '**Interviewer**: How big does an inbox get?',
        'Interviewer : How big does an inbox get?',
        'Interviewer:How big does an inbox get?',
        '## Follow-up question: How big does an inbox get?',
        '> Interviewer: How big does an inbox get?',
        'Interviewer: Follow-up: How big does an inbox get?',
      ]) {
        assert.deepEqual(readFollowUpReply(reply), { text: 'How big does an inbox get?', problems: [] }, reply);
      }
    });

    it('removes one pair of wrapping quote marks (straight, single or curly) and the space inside them', () => {
      assert.equal(readFollowUpReply("'Why not a queue per user?'").text, 'Why not a queue per user?');
      assert.equal(readFollowUpReply('" Why not a queue per user? "').text, 'Why not a queue per user?');
      assert.equal(readFollowUpReply('"Why is "exactly once" hard here?"').text, 'Why is "exactly once" hard here?');
    });

    it('reports a reply of just a pair of quote marks as no question, and keeps a lone quote mark as text', () => {
      assert.deepEqual(readFollowUpReply('""'), { text: '', problems: [NO_QUESTION] });
      assert.deepEqual(readFollowUpReply('"'), { text: '"', problems: [] });
    });

    it('keeps a follow-up of exactly 1000 characters whole and cuts a longer one at 999 plus an ellipsis, without trailing space', () => {
      const exact = 'W'.repeat(999) + '?';
      assert.deepEqual(readFollowUpReply(exact), { text: exact, problems: [] });
      const long = readFollowUpReply('a'.repeat(998) + ' ' + 'b'.repeat(100));
      assert.deepEqual(long, { text: 'a'.repeat(998) + '…', problems: ["The model's follow-up was unusually long and was cut."] });
    });
  });

  describe('key-point reply: finding the list', () => {
    it('lists exactly one problem, and no other suggestion, when the reply holds no list', () => {
      for (const reply of ['', 'I cannot help with that.', '{"keyPoints": "all covered"}', '[1, 2, 3]']) {
        assert.deepEqual(seen(reply), { statuses: [undefined, undefined, undefined], quotes: [undefined, undefined, undefined], problems: [NO_LIST], truncated: false }, reply);
      }
    });

    it('treats an empty list beside a status as no list, not as an entry', () => {
      assert.deepEqual(seen(json({ status: 'ok', keyPoints: [] })).problems, [NO_LIST]);
    });

    it('reads the list under a key-point field name (in any case), not another list of objects the model put before it', () => {
      const reply = json({ suggestions: [{ id: 's1', text: 'Mention the retention limit' }], KeyPoints: [{ id: 'k1', status: 'covered' }, missed('k2'), missed('k3')] });
      assert.deepEqual(seen(reply), { statuses: ['covered', 'missed', 'missed'], quotes: [undefined, undefined, undefined], problems: [], truncated: false });
    });

    it('reads the outer key-point list when entries hold lists of objects of their own', () => {
      const reply = 'Here is my assessment of the draft against each of the key points, as the JSON you asked for: '
        + json({ keyPoints: [{ id: 'k1', status: 'covered', evidence: [{ quote: 'stateless gateways', where: 'first paragraph' }] }, missed('k2'), missed('k3')] });
      assert.deepEqual(seen(reply), { statuses: ['covered', 'missed', 'missed'], quotes: [undefined, undefined, undefined], problems: [], truncated: false });
    });

    it('reads only the first list when a reply holds two, even if the first holds a stray string', () => {
      const first = json({ keyPoints: ['k1 is clearly covered', { id: 'k1', status: 'covered' }, missed('k2'), missed('k3')] });
      const second = json({ keyPoints: [missed('k1'), { id: 'k2', status: 'covered' }, missed('k3')] });
      assert.deepEqual(seen(`${first}\n\nOn second thought:\n${second}`), { statuses: ['covered', 'missed', 'missed'], quotes: [undefined, undefined, undefined], problems: [], truncated: false });
    });

    it('skips null entries in the list', () => {
      const reply = json({ keyPoints: [null, { id: 'k1', status: 'covered' }, null, missed('k2'), missed('k3')] });
      assert.deepEqual(seen(reply).statuses, ['covered', 'missed', 'missed']);
      assert.deepEqual(seen(reply).problems, []);
    });

    it('reads loose entries outside any list, named by id alone or by key-point text alone', () => {
      const reply = [json({ keyPoint: 'Stateless gateways.', status: 'covered' }), json({ id: 'k2', verdictText: 'n/a' }), json(missed('k3'))].join('\n');
      assert.deepEqual(seen(reply).statuses, ['covered', undefined, 'missed']);
      assert.deepEqual(seen(reply).problems, ['The model gave k2 a status that is not covered, partly or missed (undefined); check it yourself.']);
    });

    it('reports a bare list that was cut off as cut off, keeping the entries that arrived', () => {
      assert.deepEqual(seen('[{"id":"k1","status":"covered"},{"id":"k2","status":"missed"},'), {
        statuses: ['covered', 'missed', undefined], quotes: [undefined, undefined, undefined], truncated: true,
        problems: [CUT_OFF, 'The model said nothing about k3; check it yourself.'],
      });
    });

    it('does not take unbalanced brackets in prose for a reply that was cut off', () => {
      const list = json({ keyPoints: [{ id: 'k1', status: 'covered' }, missed('k2'), missed('k3')] });
      for (const prose of ['Coverage [good, {mostly]. ', 'Coverage {good, [mostly}. ']) {
        assert.deepEqual(seen(prose + list), { statuses: ['covered', 'missed', 'missed'], quotes: [undefined, undefined, undefined], problems: [], truncated: false }, prose);
      }
    });

    it('reads only the first 50 000 characters of a reply: a list running past them counts as cut off', () => {
      const reply = json([{ id: 'k1', status: 'covered' }, { id: 'k2', status: 'missed', note: 'x'.repeat(50_000) }, missed('k3')]);
      assert.deepEqual(seen(reply), {
        statuses: ['covered', undefined, undefined], quotes: [undefined, undefined, undefined], truncated: true,
        problems: [CUT_OFF, 'The model said nothing about k2, k3; check them yourself.'],
      });
    });
  });

  describe('key-point reply: ratings', () => {
    it('notices a rating beside the list even when no entry has one', () => {
      assert.deepEqual(seen(json({ score: 7, keyPoints: [{ id: 'k1', status: 'covered' }, missed('k2'), missed('k3')] })).problems, [RATING]);
    });

    it('notices a rating on one entry even when the reply has none beside the list', () => {
      assert.deepEqual(seen(json({ keyPoints: [{ id: 'k1', status: 'covered' }, { id: 'k2', status: 'missed', grade: 'C' }, missed('k3')] })).problems, [RATING]);
    });

    it('notices a rating on an entry deep in a long list, past the entries read one by one', () => {
      const many = Array.from({ length: 70 }, (_, i) => `Key point number ${i + 1}.`);
      const entries: Record<string, unknown>[] = many.map((_, i) => missed(`k${i + 1}`));
      entries[69] = { ...entries[69], score: 2 };
      const check = readKeyPointsReply(json({ keyPoints: entries }), many, DRAFT);
      assert.deepEqual(check.problems, [RATING]);
      assert.equal(check.suggestions[69].status, 'missed');
    });
  });

  describe('key-point reply: naming key points', () => {
    it('names key points k10 and beyond, ids with spaces around them, and refuses ids that only end in a number', () => {
      const many = Array.from({ length: 12 }, (_, i) => `Key point number ${i + 1}.`);
      const check = readKeyPointsReply(json([{ id: 'k10', status: 'covered' }, { id: ' k11 ', status: 'partly' }, { id: 'point-2', status: 'covered' }]), many, DRAFT);
      assert.equal(check.suggestions[9].status, 'covered');
      assert.equal(check.suggestions[10].status, 'partly');
      assert.equal(check.suggestions[1].status, undefined);
      assert.equal(check.problems[0], 'The model mentioned a key point that does not exist ("point-2"); it was ignored.');
    });

    it('refuses the id one past the last key point and keeps one suggestion per key point', () => {
      const check = readKeyPointsReply(json([{ id: 'k4', status: 'covered' }, { id: 'k1', status: 'covered' }, missed('k2'), missed('k3')]), KEY_POINTS, DRAFT);
      assert.equal(check.suggestions.length, 3);
      assert.deepEqual(check.problems, ['The model mentioned a key point that does not exist ("k4"); it was ignored.']);
    });

    it('takes only a text or a number as an id, and a key point named by its exact text, first point included', () => {
      const reply = json([
        { id: ['k1'], status: 'covered' },
        { keyPoint: 'stateless gateways.', status: 'covered' },
        { keyPoint: 'per-user inbox for offline recipients', status: 'covered' },
        missed('k2'), missed('k3'),
      ]);
      assert.deepEqual(seen(reply), {
        statuses: ['covered', 'missed', 'missed'], quotes: [undefined, undefined, undefined], truncated: false,
        problems: [
          'The model mentioned a key point that does not exist (["k1"]); it was ignored.',
          'The model mentioned a key point that does not exist ("per-user inbox for offline recipients"); it was ignored.',
        ],
      });
    });

    it('lists the same problem once, however often it happens', () => {
      const reply = json([{ id: 'k9', status: 'covered' }, { id: 'k9', status: 'partly' }, { id: 'k1', status: 'covered' }, missed('k2'), missed('k3')]);
      assert.deepEqual(seen(reply).problems, ['The model mentioned a key point that does not exist ("k9"); it was ignored.']);
    });

    it('shows an unknown id as the model wrote it, quote marks and all, up to 40 characters', () => {
      assert.equal(seen(json([{ id: 'the "inbox" point', status: 'covered' }])).problems[0], 'The model mentioned a key point that does not exist ("the "inbox" point"); it was ignored.');
      const forty = 'x'.repeat(38);
      assert.equal(seen(json([{ id: forty, status: 'covered' }])).problems[0], `The model mentioned a key point that does not exist ("${forty}"); it was ignored.`);
    });
  });

  describe('key-point reply: statuses and quotes', () => {
    it('reads statuses with stray spaces, underscores or several separators, and refuses a status that is not text', () => {
      const reply = json([{ id: 'k1', status: ' Covered ' }, { id: 'k2', status: 'partially  _covered' }, { id: 'k3', status: 1 }]);
      assert.deepEqual(seen(reply).statuses, ['covered', 'partly', undefined]);
      assert.deepEqual(seen(reply).problems, ['The model gave k3 a status that is not covered, partly or missed (1); check it yourself.']);
    });

    it('takes an empty or null quote as no quote, without a problem', () => {
      const reply = json([{ id: 'k1', status: 'covered', quote: '' }, { id: 'k2', status: 'partly', quote: null }, missed('k3')]);
      const check = readKeyPointsReply(reply, KEY_POINTS, DRAFT);
      assert.deepEqual(check.problems, []);
      assert.deepEqual(check.suggestions.map((s) => [s.status, s.quote, s.quoteNotFound]), [['covered', undefined, undefined], ['partly', undefined, undefined], ['missed', undefined, undefined]]);
    });

    it('takes the first of a list of quotes, and drops a list whose first item is not text', () => {
      const reply = json([{ id: 'k1', status: 'covered', quote: ['stateless gateways', 'L4 balancer'] }, { id: 'k2', status: 'partly', quote: [42] }, missed('k3')]);
      const check = readKeyPointsReply(reply, KEY_POINTS, DRAFT);
      assert.equal(check.suggestions[0].quote, 'stateless** gateways');
      assert.equal(check.suggestions[1].quoteNotFound, true);
      assert.deepEqual(check.problems, ["The model's quote for k2 is not in your draft, so it was dropped; check that point yourself."]);
    });

    it('quotes the draft without the white space a quote ends with', () => {
      const check = readKeyPointsReply(json([{ id: 'k1', status: 'covered', quote: 'stateless gateways \n' }, missed('k2'), missed('k3')]), KEY_POINTS, DRAFT);
      assert.equal(check.suggestions[0].quote, 'stateless** gateways');
      assert.deepEqual(check.problems, []);
    });
  });

  describe('locate', () => {
    it('finds a quote at the very start of the draft', () => {
      assert.equal(found('First we shard by user.', 'first we shard'), 'First we shard');
    });

    it('matches fragments around an ellipsis with or without spaces, one-word fragments at either end included', () => {
      const draft = 'First we shard by user. Much later, we add replicas per region.';
      assert.equal(found(draft, 'First...we add replicas per region'), 'First we shard by user. Much later, we add replicas per region');
      assert.equal(found(draft, 'we shard by user…later'), 'we shard by user. Much later');
      assert.equal(found(draft, '… replicas per region…'), 'replicas per region');
    });

    it('refuses fragments that are too short even together, and accepts four characters', () => {
      const draft = 'First we shard by user. Much later, we add replicas per region.';
      assert.equal(found(draft, 'we … a'), undefined);
      assert.equal(found(draft, 'Much'), 'Much');
      assert.equal(found('Messages go to SQS.', ' SQS'), undefined, 'three letters are too short, spaces around them do not count');
    });

    it('leaves out quote marks wrapped around the whole quote (more than one, with spaces), but not those inside it', () => {
      const draft = 'We call it "at-least-once" delivery.';
      assert.equal(found(draft, '"We call it "at-least-once" delivery"'), 'We call it "at-least-once" delivery');
      assert.equal(found('Gateways are stateless.', ' “\'Gateways are stateless\'” '), 'Gateways are stateless');
    });

    it('ignores underscores and backticks as emphasis, and treats curly apostrophes and en dashes as plain ones', () => {
      assert.equal(found('We use `Kafka` with _idempotent_ consumers.', 'use Kafka with idempotent consumers'), 'use `Kafka` with _idempotent_ consumers');
      assert.equal(found('The gateway’s buffer and the ‘hot’ partitions.', "gateway's buffer and the 'hot' partitions"), 'gateway’s buffer and the ‘hot’ partitions');
      assert.equal(found('Keep 2–3 replicas.', 'Keep 2-3 replicas'), 'Keep 2–3 replicas');
    });

    it('still needs the same letters and the same word breaks', () => {
      assert.equal(found('Use stateless gateways.', 'Use stateless gateweys'), undefined);
      assert.equal(found('Use stateless gateways.', 'use "stateless" gateways'), undefined);
      assert.equal(found('Use stateless gateways.', 'statelessgateways'), undefined);
    });

    it('points at the right characters in a German draft with ß', () => {
      assert.equal(found('Die Größe der Inbox ist fest.', 'der Inbox ist fest'), 'der Inbox ist fest');
    });
  });
});
