// What may come next inside a `where` expression, read from the tokens typed so far (which need not
// parse). A small state machine over conditions, joiners, parentheses and `associated company where`
// scopes; operator phrases are followed with completion-phrases.ts.

import { activityPlace, formPlace, windowPlace, WINDOW_OPENERS, type FormPlace } from './cursor-context-form';
import type { HslistToken } from '@hslist/grammar';
import type { ObjectTypeName } from './schema-types';
import { associationByWord } from './associations';
import { EMAIL_EVENTS } from '../hubspot/compile/events';
import { ANY_EMAIL_PHRASES, anyEmailEvent } from './any-email';
import { advance, initialStates, isComplete, isPropertyToken, type PhraseState } from './completion-phrases';

export type ExprExpectation =
  | { kind: 'conditionStart'; objectType: ObjectTypeName }
  | { kind: 'joiner'; includingUnknown: boolean }
  | { kind: 'keywords'; phrases: string[] }
  | { kind: 'listName' }
  | { kind: 'formName' }
  | { kind: 'pageName' }
  /** A subscription of the channel written before `subscription` (the word as written, lowercased). */
  | { kind: 'subscriptionName'; channel: string }
  | { kind: 'marketingEmailName' }
  | { kind: 'labelName'; objectType: ObjectTypeName }
  | { kind: 'conditionName' }
  | { kind: 'phrase'; objectType: ObjectTypeName; property: string; states: PhraseState[] };

type Mode =
  | 'condition'
  | 'afterCondition'
  | 'in'
  | 'inList'
  | 'conditionName'
  | 'associated'
  | 'associatedCompany'
  | 'associatedLabel'
  | 'count'
  | 'including'
  | 'submitted'
  | 'opted'
  | 'marketing'
  | 'visited'
  | 'activity'
  | 'property'
  | 'error';

interface Frame {
  objectType: ObjectTypeName;
  /** The scope ends when this paren depth closes; undefined: it ends with its one condition. */
  closesAtDepth?: number;
}

class ExprScanner {
  mode: Mode = 'condition';
  depth = 0;
  frames: Frame[] = [];
  /** After `associated <object> … where`: the object whose properties the next condition names. */
  pendingAssociation: ObjectTypeName | undefined;
  /** The object of `associated <object>` being read. */
  associatedObject: ObjectTypeName = 'companies';
  /** The words of `number of associated … <comparison>` after `number`. */
  countWords: string[] = [];
  property = '';
  states: PhraseState[] = [];
  /** The last condition was a property condition without `including unknown` yet. */
  canIncludeUnknown = false;
  /** The words after `submitted`: `#` for an id, `"` for a string, `N` for a number, `D` for a date or an instant, others lowercased. */
  submittedWords: string[] = [];
  /** The words of a subscription condition after `opted`, lowercased. */
  optedWords: string[] = [];
  /** The words after `marketing` or `visited`, lowercased; `#` for an id, `"` for a string, `N` for a number. */
  eventWords: string[] = [];
  /** The words of a webinar, CTA or ads condition, its first word included (as `eventWords`). */
  activityWords: string[] = [];

  objectType(): ObjectTypeName {
    return this.frames.length > 0 ? this.frames[this.frames.length - 1].objectType : 'contacts';
  }

  feed(t: HslistToken): void {
    const word = t.text.toLowerCase();
    switch (this.mode) {
      case 'condition':
        return this.conditionStart(t, word);
      case 'afterCondition':
        return this.afterCondition(word);
      case 'in':
        return this.expectWord(word === 'list', 'inList');
      case 'inList':
        return t.kind === 'string' || t.kind === 'listId' ? this.endCondition(false) : this.fail();
      case 'conditionName':
        return t.kind === 'identifier' || t.kind === 'keyword' ? this.endCondition(false) : this.fail();
      case 'associated':
        return this.associated(word);
      case 'associatedCompany':
        if (word === 'labeled') return void (this.mode = 'associatedLabel');
        this.pendingAssociation = word === 'where' ? this.associatedObject : undefined;
        return this.expectWord(word === 'where', 'condition');
      case 'associatedLabel':
        return this.expectWord(t.kind === 'listId' || t.kind === 'string', 'associatedCompany');
      case 'count':
        return this.count(t, word);
      case 'including':
        this.canIncludeUnknown = false;
        return this.expectWord(word === 'unknown', 'afterCondition');
      case 'submitted':
        return this.submitted(t, word);
      case 'opted':
        return this.opted(word);
      case 'marketing':
      case 'visited':
        return this.eventCondition(t, word);
      case 'activity':
        return this.activity(t, word);
      case 'property':
        return this.phraseToken(t);
      case 'error':
        return this.recover(word);
    }
  }

  private expectWord(ok: boolean, next: Mode): void {
    if (ok) this.mode = next;
    else this.fail();
  }

  private fail(): void {
    this.mode = 'error';
  }

  private conditionStart(t: HslistToken, word: string): void {
    if (word === 'not') return;
    if (word === '(') {
      this.depth++;
      if (this.pendingAssociation) this.frames.push({ objectType: this.pendingAssociation, closesAtDepth: this.depth });
      this.pendingAssociation = undefined;
      return;
    }
    const next: Record<string, Mode> = { in: 'in', associated: 'associated', submitted: 'submitted', opted: 'opted', number: 'count', condition: 'conditionName', marketing: 'marketing', visited: 'visited' };
    if (next[word]) {
      this.submittedWords = [];
      this.optedWords = [];
      this.eventWords = [];
      this.countWords = [];
      this.mode = next[word];
      return;
    }
    if (word === 'everyone' || word === 'nobody') return this.endCondition(false);
    if (ACTIVITY_VERBS.includes(word)) {
      this.activityWords = [word];
      this.mode = 'activity';
      return;
    }
    if (!isPropertyToken(t)) return this.fail();
    if (this.pendingAssociation) this.frames.push({ objectType: this.pendingAssociation });
    this.pendingAssociation = undefined;
    this.property = t.kind === 'backtickName' ? t.text.slice(1, -1) : t.text;
    this.states = initialStates();
    this.mode = 'property';
  }

  private phraseToken(t: HslistToken): void {
    const next = this.states.map((s) => advance(s, t)).filter((s): s is PhraseState => s !== undefined);
    if (next.length > 0) {
      this.states = next;
      return;
    }
    if (!this.states.some(isComplete)) return this.fail();
    this.endCondition(true);
    this.feed(t);
  }

  /** `submitted form "…"` and its count and window; `and` inside `between … and …` is the phrase's. */
  private submitted(t: HslistToken, word: string): void {
    this.placedPhrase(t, word, this.submittedWords, formPlace);
  }

  /** A webinar, CTA or ads condition; `and` inside `between … and …` is the phrase's. */
  private activity(t: HslistToken, word: string): void {
    this.placedPhrase(t, word, this.activityWords, activityPlace);
  }

  /** A phrase whose places `placeOf` knows: `and` (unless inside it), `or` and `)` end it; a word that fits no place fails. */
  private placedPhrase(t: HslistToken, word: string, words: string[], placeOf: (words: string[]) => FormPlace | undefined): void {
    if ((word === 'and' && !placeOf(words)?.andInside) || word === 'or' || word === ')') {
      this.endCondition(false);
      this.feed(t);
      return;
    }
    words.push(wordOf(t, word));
    if (!placeOf(words)) this.fail();
  }

  /** `associated [primary] <object>`: then `where` or `labeled #id where`. */
  private associated(word: string): void {
    if (word === 'primary') return;
    const kind = associationByWord(word);
    if (!kind) return this.fail();
    this.associatedObject = kind.object;
    this.mode = 'associatedCompany';
  }

  /** `number of associated [primary] <objects> <comparison> N [and N]`: the condition ends with its last number. */
  private count(t: HslistToken, word: string): void {
    const w = this.countWords;
    w.push(word);
    const between = w.includes('between');
    const numbers = w.filter((x) => /^\d/.test(x)).length;
    if (t.kind === 'number' && (!between || numbers === 2)) this.endCondition(false);
  }

  /** `opted in to email subscription #1`: the condition ends with its id, its `)` or the channel after `all`. */
  private opted(word: string): void {
    const w = this.optedWords;
    w.push(word);
    const target = w.slice(statusLength(w));
    const ended =
      (target[0] === 'all' && target.length === 2) ||
      (target[1] === 'subscription' && target.length === 3) ||
      (target[1] === 'subscriptions' && word === ')');
    if (ended) this.endCondition(false);
  }

  /** An email event or page view: complete after its event or URL, or after `in last N days`; `and`, `or`, `)` end it. */
  private eventCondition(t: HslistToken, word: string): void {
    const mode = this.mode as 'marketing' | 'visited';
    if ((word === 'and' || word === 'or' || word === ')') && eventComplete(mode, this.eventWords)) {
      this.endCondition(false);
      this.feed(t);
      return;
    }
    const kind = t.kind as string;
    this.eventWords.push(kind === 'listId' ? '#' : kind === 'string' ? '"' : kind === 'number' ? 'N' : kind === 'date' || kind === 'datetime' ? 'D' : word);
    if (mode === 'visited' && this.eventWords.slice(-4).join(' ') === 'in last N days') this.endCondition(false);
    // A marketing email event's window ends it (`in last N days`, `after D`, `between D and D`).
    const window = mode === 'marketing' ? emailWindowStart(this.eventWords) : -1;
    if (window >= 0 && windowPlace(this.eventWords.slice(window))?.complete) this.endCondition(false);
  }

  /** A condition ended: close the one-condition association scopes it was in. */
  private endCondition(propertyCondition: boolean): void {
    while (this.frames.length > 0 && this.frames[this.frames.length - 1].closesAtDepth === undefined) this.frames.pop();
    this.canIncludeUnknown = propertyCondition;
    this.mode = 'afterCondition';
  }

  private closeParen(): void {
    this.depth = Math.max(0, this.depth - 1);
    while (this.frames.length > 0) {
      const top = this.frames[this.frames.length - 1];
      if (top.closesAtDepth !== undefined && top.closesAtDepth <= this.depth) break;
      this.frames.pop();
      if (top.closesAtDepth !== undefined) break;
    }
  }

  private afterCondition(word: string): void {
    if (word === 'and' || word === 'or') {
      this.mode = 'condition';
      return;
    }
    if (word === ')') {
      this.closeParen();
      this.canIncludeUnknown = false;
      return;
    }
    if (word === 'including' && this.canIncludeUnknown) {
      this.mode = 'including';
      return;
    }
    this.fail();
  }

  private recover(word: string): void {
    if (word === 'and' || word === 'or') this.mode = 'condition';
    else if (word === '(') this.depth++;
    else if (word === ')') this.closeParen();
  }

  expectations(): ExprExpectation[] {
    switch (this.mode) {
      case 'condition':
        return [{ kind: 'conditionStart', objectType: this.pendingAssociation ?? this.objectType() }];
      case 'afterCondition':
        return [{ kind: 'joiner', includingUnknown: this.canIncludeUnknown }];
      case 'in':
        return [{ kind: 'keywords', phrases: ['list'] }];
      case 'inList':
        return [{ kind: 'listName' }];
      case 'conditionName':
        return [{ kind: 'conditionName' }];
      case 'associated':
        return [{ kind: 'keywords', phrases: ['company where', 'primary company where', 'deal where', 'ticket where'] }];
      case 'associatedCompany':
        return [{ kind: 'keywords', phrases: ['where', 'labeled'] }];
      case 'associatedLabel':
        return [{ kind: 'labelName', objectType: this.associatedObject }];
      case 'count':
        return countExpectations(this.countWords);
      case 'including':
        return [{ kind: 'keywords', phrases: ['unknown'] }];
      case 'submitted':
        return formExpectations(this.submittedWords);
      case 'activity':
        return placeExpectations(activityPlace(this.activityWords));
      case 'opted':
        return optedExpectations(this.optedWords);
      case 'marketing':
      case 'visited':
        return eventExpectations(this.mode, this.eventWords);
      case 'property':
        return this.phraseExpectations();
      case 'error':
        return [];
    }
  }

  private phraseExpectations(): ExprExpectation[] {
    const out: ExprExpectation[] = [{ kind: 'phrase', objectType: this.objectType(), property: this.property, states: this.states }];
    if (this.states.some(isComplete)) out.push({ kind: 'joiner', includingUnknown: true });
    return out;
  }
}

/** The words that start a webinar, CTA or ads condition. */
const ACTIVITY_VERBS = ['registered', 'attended', 'clicked', 'viewed', 'saw'];

/** A token as the scanner's words have it: `#` for an id, `"` for a string, `N` for a number, `D` for a date or an instant. */
function wordOf(t: HslistToken, word: string): string {
  const kind = t.kind as string;
  return kind === 'listId' ? '#' : kind === 'string' ? '"' : kind === 'number' ? 'N' : kind === 'date' || kind === 'datetime' ? 'D' : word;
}

function placeExpectations(place: FormPlace | undefined): ExprExpectation[] {
  if (!place) return [];
  const keywords: ExprExpectation[] = place.phrases.length > 0 ? [{ kind: 'keywords', phrases: place.phrases }] : [];
  return place.complete ? [...keywords, { kind: 'joiner', includingUnknown: false }] : keywords;
}

/** After `submitted`: `any form` / `form`, the form's name, then a page, a count and a window, each optional. */
function formExpectations(words: string[]): ExprExpectation[] {
  if (words.length === 1 && words[0] === 'form') return [{ kind: 'formName' }];
  const place = formPlace(words);
  return place?.page ? [{ kind: 'pageName' }] : placeExpectations(place);
}

function countExpectations(words: string[]): ExprExpectation[] {
  const last = words[words.length - 1];
  if (last === undefined) return [{ kind: 'keywords', phrases: ['of'] }];
  if (last === 'of') return [{ kind: 'keywords', phrases: ['associated'] }];
  if (last === 'associated') return [{ kind: 'keywords', phrases: ['companies', 'primary companies', 'deals', 'tickets'] }];
  if (last === 'primary') return [{ kind: 'keywords', phrases: ['companies'] }];
  if (associationByWord(last)) return [{ kind: 'keywords', phrases: ['>=', '>', '<=', '<', 'is', 'is between'] }];
  return [];
}

const STATUS_PHRASES = [['in', 'to'], ['out', 'of'], ['neither', 'in', 'nor', 'out', 'of']];
const CHANNEL_WORDS = ['email', 'sms', 'whatsapp'];

/** How many of the words after `opted` are its status (`in to`, …), 0 while it is incomplete. */
function statusLength(words: string[]): number {
  const found = STATUS_PHRASES.find((p) => p.every((x, i) => words[i] === x));
  return found ? found.length : 0;
}

function optedExpectations(words: string[]): ExprExpectation[] {
  const n = statusLength(words);
  if (n === 0) {
    const typed = words.join(' ');
    const rest = STATUS_PHRASES.map((p) => p.join(' ')).filter((p) => p.startsWith(typed)).map((p) => p.slice(typed.length).trim());
    return [{ kind: 'keywords', phrases: rest.filter((p) => p !== '') }];
  }
  const target = words.slice(n);
  if (target.length === 0) return [{ kind: 'keywords', phrases: [...CHANNEL_WORDS.map((c) => `${c} subscription`), ...CHANNEL_WORDS.map((c) => `all ${c}`)] }];
  if (target[0] === 'all') return [{ kind: 'keywords', phrases: CHANNEL_WORDS }];
  if (target.length === 1) return [{ kind: 'keywords', phrases: ['subscription', 'subscriptions'] }];
  const last = target[target.length - 1];
  const oneNext = target[1] === 'subscription' && target.length === 2;
  const inList = target[1] === 'subscriptions' && (last === '(' || last === ',');
  return oneNext || inList ? [{ kind: 'subscriptionName', channel: target[0] }] : [];
}

/** The words of a marketing email condition before its event: `email #… of app #…`. */
const EMAIL_HEAD = ['email', '#', 'of', 'app', '#'];
const EMAIL_EVENT_PHRASES = Object.keys(EMAIL_EVENTS);

/** Where a marketing email event's window starts in its words (after the email), -1 without one. */
function emailWindowStart(words: string[]): number {
  const length = emailHeadLength(words);
  return words.findIndex((w, i) => i >= length && WINDOW_OPENERS.includes(w));
}

/** The words of the condition up to its window, and whether they make a whole condition. */
function eventComplete(mode: 'marketing' | 'visited', words: string[]): boolean {
  const window = mode === 'visited' ? words.indexOf('in') : emailWindowStart(words);
  // A window begun must be whole (`between D` is not: its `and` is the window's).
  if (mode === 'marketing' && window >= 0 && !windowPlace(words.slice(window))?.complete) return false;
  const head = window < 0 ? words : words.slice(0, window);
  if (mode === 'visited') return head[head.length - 1] === '"' || (head[head.length - 1] === 'times' && head[head.length - 4] === 'at');
  const length = emailHeadLength(head);
  // `clicked link "…"`: the link comes after the event.
  const event = head.slice(length).join(' ').replace(/ link "$/, '');
  return head.length > length && (head[1] === 'any' ? anyEmailEvent(event) !== undefined : EMAIL_EVENT_PHRASES.includes(event));
}

/** How many words the email takes: `email # of app #`, `email " of app #`, or `email "` / `email any` (two words). */
function emailHeadLength(words: string[]): number {
  return words[1] === 'any' || (words[1] === '"' && words[2] !== 'of') ? 2 : EMAIL_HEAD.length;
}

/** After `marketing email any`: the events an any-email condition can say, then `in last` or `after` after a dated one (any-email.ts). */
function anyEmailExpectations(event: string[]): ExprExpectation[] {
  if (event.length === 0) return [{ kind: 'keywords', phrases: ANY_EMAIL_PHRASES }];
  const known = anyEmailEvent(event.join(' '));
  if (!known) return [];
  return [...(known.kind === 'date' ? [{ kind: 'keywords' as const, phrases: ['in last', 'after'] }] : []), { kind: 'joiner', includingUnknown: false }];
}

/** Inside a marketing email event's window: its next words (a number or date is typed, not offered). */
function emailWindowExpectations(tail: string[]): ExprExpectation[] {
  const place = windowPlace(tail);
  if (!place) return [];
  return place.complete ? [{ kind: 'joiner', includingUnknown: false }] : [{ kind: 'keywords', phrases: place.phrases }];
}

function eventExpectations(mode: 'marketing' | 'visited', words: string[]): ExprExpectation[] {
  const emailWindow = mode === 'marketing' ? emailWindowStart(words) : -1;
  if (emailWindow >= 0) return emailWindowExpectations(words.slice(emailWindow));
  const window = mode === 'visited' ? words.indexOf('in') : -1;
  if (window >= 0) {
    const rest = words.slice(window);
    if (rest.length === 1) return [{ kind: 'keywords', phrases: ['last'] }];
    if (rest.length === 3) return [{ kind: 'keywords', phrases: ['days'] }];
    return [];
  }
  if (mode === 'visited') {
    if (words.length === 0) return [{ kind: 'keywords', phrases: ['page'] }];
    if (words.length === 1) return [{ kind: 'keywords', phrases: ['containing', 'matching'] }];
    // `at least N times` after the URL, then `in last N days`.
    const last = words[words.length - 1];
    if (last === 'at') return [{ kind: 'keywords', phrases: ['least'] }];
    if (last === 'N' && words[words.length - 2] === 'least') return [{ kind: 'keywords', phrases: ['times'] }];
    if (!eventComplete(mode, words)) return [];
    return [{ kind: 'keywords', phrases: last === '"' ? ['at least', 'in last'] : ['in last'] }, { kind: 'joiner', includingUnknown: false }];
  }
  // After `marketing email`: the pulled emails by name (an id is typed), or `any` email.
  if (words.length === 1 && words[0] === 'email') return [{ kind: 'marketingEmailName' }, { kind: 'keywords', phrases: ['any'] }];
  if (words[1] === 'any') return anyEmailExpectations(words.slice(2));
  const length = emailHeadLength(words);
  if (words.length < length) {
    const next = EMAIL_HEAD[words.length];
    return next === '#' ? [] : [{ kind: 'keywords', phrases: [next === 'of' ? 'of app' : next] }];
  }
  const typed = words.slice(length).join(' ');
  if (typed === 'clicked link') return [];
  const rest = EMAIL_EVENT_PHRASES.filter((p) => typed === '' || p.startsWith(`${typed} `)).map((p) => (typed === '' ? p : p.slice(typed.length + 1)));
  // `marketing email "…"`: the app id may follow the name (so a fix can write the email's id beside it).
  if (typed === '' && length === 2) rest.push('of app');
  if (typed === 'clicked') rest.push('link');
  if (!eventComplete(mode, words)) return [{ kind: 'keywords', phrases: rest }];
  return [{ kind: 'keywords', phrases: [...rest, 'in last', 'after', 'before', 'between'] }, { kind: 'joiner', includingUnknown: false }];
}

/** Expectations after the tokens of a `where` expression (the `where` itself excluded). */
export function expressionExpectations(tokens: HslistToken[]): ExprExpectation[] {
  const scanner = new ExprScanner();
  for (const t of tokens) scanner.feed(t);
  return scanner.expectations();
}
