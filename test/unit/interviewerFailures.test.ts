import assert from 'node:assert/strict';
import { FAILURE_ACTION_LABELS, failureNotice, GET_A_MODEL_URL } from '../../src/core/interviewer/failures';

const TASK = 'a follow-up';
const MODEL = 'GPT-Test';
const CUT = ' The reply broke off midway: what arrived is kept and marked as cut off.';

const error = (message: string, code?: string, receivedChars = 0) => failureNotice({ kind: 'error', message, receivedChars, ...(code === undefined ? {} : { code }) }, TASK, MODEL);

describe('interviewer failures: what the user is told', () => {
  it('without a language model, explains how to get one and offers the scripted question and the setup guide', () => {
    assert.deepEqual(failureNotice({ kind: 'no-model' }, TASK, MODEL), {
      severity: 'info',
      message:
        "No language model is available in VS Code, so the interviewer cannot ask a follow-up. Install and sign in to a chat extension that provides one, such as GitHub Copilot, then try again. Meanwhile the dialogue's own next question is its scripted follow-up.",
      actions: ['scripted', 'how-to-get-a-model'],
    });
  });

  it('when the user refuses consent, says nothing was sent, names the model and offers no action', () => {
    assert.deepEqual(failureNotice({ kind: 'consent-refused' }, TASK, MODEL), {
      severity: 'info',
      message: 'Nothing was sent. The interviewer asks GPT-Test only after you agree; ask again whenever you want to.',
      actions: [],
    });
  });

  it('a cancellation before any reply says only that the task was not added', () => {
    assert.deepEqual(failureNotice({ kind: 'cancelled', receivedChars: 0 }, TASK, MODEL), {
      severity: 'info',
      message: 'Cancelled: a follow-up was not added.',
      actions: [],
    });
  });

  it('a cancellation after part of the reply says what had arrived was dropped, even after one character', () => {
    for (const receivedChars of [1, 500]) {
      assert.deepEqual(failureNotice({ kind: 'cancelled', receivedChars }, TASK, MODEL), {
        severity: 'info',
        message: 'Cancelled: a follow-up was not added (what had arrived was dropped).',
        actions: [],
      });
    }
  });

  it('a refused permission asks the user to allow access, with the error text in brackets', () => {
    assert.deepEqual(error('user said no', 'NoPermissions'), {
      severity: 'warning',
      message:
        'VS Code did not allow Interview Dialogues to use GPT-Test (user said no). Try again and allow it when VS Code asks (access can also be changed from the Accounts menu, Manage Language Model Access).',
      actions: ['retry', 'scripted'],
    });
  });

  it('an error with an empty message leaves out the brackets entirely', () => {
    assert.equal(
      error('', 'NoPermissions').message,
      'VS Code did not allow Interview Dialogues to use GPT-Test. Try again and allow it when VS Code asks (access can also be changed from the Accounts menu, Manage Language Model Access).',
    );
  });

  it('a blocked request suggests rewording the draft', () => {
    assert.deepEqual(error('filtered', 'Blocked'), {
      severity: 'warning',
      message: 'GPT-Test refused a follow-up: the request was blocked (filtered). Shorten or reword your draft, or try again later.',
      actions: ['retry', 'scripted'],
    });
  });

  it('a model that is gone suggests trying again with another one', () => {
    assert.deepEqual(error('gone', 'NotFound'), {
      severity: 'warning',
      message: 'The model GPT-Test is no longer available (gone). Try again to use another model, or check your chat extension.',
      actions: ['retry', 'scripted'],
    });
  });

  it('a rate limit or quota, named in the message or only in the code, asks the user to wait', () => {
    const expected = (detail: string) => ({
      severity: 'warning',
      message: `GPT-Test is over its quota or rate limit${detail}. Wait a little and try again.`,
      actions: ['retry', 'scripted'],
    });
    assert.deepEqual(error('Rate limit exceeded'), expected(' (Rate limit exceeded)'));
    assert.deepEqual(error('Too many requests', '429'), expected(' (Too many requests)'));
    assert.deepEqual(error('', 'QuotaExhausted'), expected(''));
  });

  it('a network failure asks the user to check the connection', () => {
    assert.deepEqual(error('connect ECONNREFUSED 127.0.0.1:443'), {
      severity: 'warning',
      message: 'The request to GPT-Test failed on the network (connect ECONNREFUSED 127.0.0.1:443). Check your connection and try again.',
      actions: ['retry', 'scripted'],
    });
    assert.equal(error('request timed out').message, 'The request to GPT-Test failed on the network (request timed out). Check your connection and try again.');
  });

  it('any other error names the model and the task, with the code and the message when there are some', () => {
    assert.deepEqual(error('something odd'), {
      severity: 'warning',
      message: 'GPT-Test could not answer a follow-up (something odd). Try again, or go on without it.',
      actions: ['retry', 'scripted'],
    });
    assert.equal(error('something odd', 'Unknown').message, 'GPT-Test could not answer a follow-up (Unknown) (something odd). Try again, or go on without it.');
    assert.equal(error('', 'Unknown').message, 'GPT-Test could not answer a follow-up (Unknown). Try again, or go on without it.');
    assert.equal(error('').message, 'GPT-Test could not answer a follow-up. Try again, or go on without it.');
  });

  it('an error after part of the reply adds that what arrived is kept and marked as cut off', () => {
    assert.equal(error('denied', 'NoPermissions', 1).message, `${error('denied', 'NoPermissions').message}${CUT}`);
    assert.equal(error('x', 'Blocked', 10).message, `GPT-Test refused a follow-up: the request was blocked (x). Shorten or reword your draft, or try again later.${CUT}`);
    assert.equal(error('x', 'NotFound', 10).message, `The model GPT-Test is no longer available (x). Try again to use another model, or check your chat extension.${CUT}`);
    assert.equal(error('quota', undefined, 10).message, `GPT-Test is over its quota or rate limit (quota). Wait a little and try again.${CUT}`);
    assert.equal(error('socket hang up', undefined, 10).message, `The request to GPT-Test failed on the network (socket hang up). Check your connection and try again.${CUT}`);
    assert.deepEqual(error('odd', undefined, 10), {
      severity: 'warning',
      message: `GPT-Test could not answer a follow-up (odd). Try again, or go on without it.${CUT}`,
      actions: ['retry', 'scripted'],
    });
  });

  it('labels each action as a button and points the setup guide at the Copilot setup page', () => {
    assert.deepEqual({ ...FAILURE_ACTION_LABELS }, { retry: 'Try Again', scripted: 'Next Question', 'how-to-get-a-model': 'How to Get a Model' });
    assert.equal(GET_A_MODEL_URL, 'https://code.visualstudio.com/docs/copilot/setup');
  });
});
