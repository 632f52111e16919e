import assert from 'node:assert/strict';
import { importTranscript, titleFromFileName } from '../../src/core/transcript';

const TWO_TURNS = '## Imported interview\n\n**Interviewer:** How would you design a cache?\n\n**Candidate:** I would start with the read path.\n';

describe('importTranscript: caption files (SRT, WebVTT) as meeting tools export them', () => {
  it('drops an SRT file\'s cue numbers and timings and keeps the words', () => {
    const srt = '1\n00:00:01,000 --> 00:00:04,000\nInterviewer: How would you design a cache?\n\n2\n00:00:05,000 --> 00:00:09,000\nCandidate: I would start with the read path.\n';
    assert.equal(importTranscript(srt).markdown, TWO_TURNS);
  });

  it('drops a WebVTT header, cue ids, and timings with cue settings or without hours', () => {
    const vtt = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000 align:start\nInterviewer: How would you design a cache?\n\n2\n00:05.000 --> 00:09.000\nCandidate: I would start with the read path.\n';
    assert.equal(importTranscript(vtt).markdown, TWO_TURNS);
  });

  it('keeps a number alone on a line, and WEBVTT past the first line, when no timing follows: they are words', () => {
    const text = 'Interviewer: How many shards?\n\nCandidate: The answer is\n42\nshards, then WEBVTT\nWEBVTT\n';
    assert.equal(importTranscript(text).markdown, '## Imported interview\n\n**Interviewer:** How many shards?\n\n**Candidate:** The answer is\n42\nshards, then WEBVTT\nWEBVTT\n');
  });
});

describe('titleFromFileName', () => {
  it('makes a title from a file name: no folder, no extension, separators as spaces, a capital first letter', () => {
    assert.equal(titleFromFileName('acme-onsite_2024.txt'), 'Acme onsite 2024');
    assert.equal(titleFromFileName('/home/sam/notes/acme-onsite_2024.txt'), 'Acme onsite 2024');
    assert.equal(titleFromFileName('C:\\notes\\phone--screen__1.md'), 'Phone screen 1');
    assert.equal(titleFromFileName('notes.d/plain'), 'Plain');
    assert.equal(titleFromFileName('archive.2024.md'), 'Archive.2024');
  });

  it('gives nothing when the name holds nothing but an extension or separators', () => {
    assert.equal(titleFromFileName('/notes/.txt'), undefined);
    assert.equal(titleFromFileName('--_.md'), undefined);
    assert.equal(titleFromFileName(''), undefined);
  });
});
