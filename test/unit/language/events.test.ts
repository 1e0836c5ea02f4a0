// Completion and hover for conditions beyond properties: subscription statuses.

import { strict as assert } from 'node:assert';
import { complete } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { defaultSchema } from '../../../server/src/language/schema';
import { marked } from '../../support/markers';
import { analyzeText, MAIN } from './expect';

function labels(source: string): string[] {
  const m = marked(source);
  return complete({ text: m.text, offset: m.cursor as number, schema: defaultSchema(), lists: [] }).map((e) => e.label);
}

function hover(source: string): string | undefined {
  const m = marked(source);
  return hoverAt({ analysis: analyzeText(m.text), path: MAIN, offset: m.cursor as number, schema: defaultSchema() })?.markdown;
}

describe('language: subscriptions in completion and hover', () => {
  it('offers the condition, then its words one step at a time', () => {
    assert.ok(labels('list "A" {\n  where <|>').includes('opted in to email subscription #…'));
    assert.deepEqual(labels('list "A" {\n  where opted <|>'), ['in to', 'out of', 'neither in nor out of']);
    assert.deepEqual(labels('list "A" {\n  where opted neither in <|>'), ['nor out of']);
    assert.ok(labels('list "A" {\n  where opted out of <|>').includes('all sms'));
    assert.deepEqual(labels('list "A" {\n  where opted out of email <|>'), ['subscription', 'subscriptions']);
    assert.deepEqual(labels('list "A" {\n  where opted out of all <|>'), ['email', 'sms', 'whatsapp']);
    assert.deepEqual(labels('list "A" {\n  where opted in to email subscription #1 <|>'), ['and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where opted in to email subscriptions (#1, #2) <|>'), ['and', 'or']);
  });

  it('hover says what it matches and which HubSpot filter it is', () => {
    const text = hover('list "A" {\n  where opted in to email subscriptions (#1, #<|>2)\n}');
    assert.match(text ?? '', /has opted in to every one of the subscriptions #1, #2 \(email\)/);
    assert.match(text ?? '', /EMAIL_SUBSCRIPTION.*OPT_IN/);
    assert.match(hover('list "A" {\n  where opted out of all s<|>ms\n}') ?? '', /COMMUNICATION_SUBSCRIPTION \(PORTAL_WIDE\)/);
  });
});
