// What may come next inside a `where` expression, read from the tokens typed so far (which need not
// parse). A small state machine over conditions, joiners, parentheses and `associated company where`
// scopes; operator phrases are followed with completion-phrases.ts.

import type { HslistToken } from '@hslist/grammar';
import type { ObjectTypeName } from './schema-types';
import { advance, initialStates, isComplete, isPropertyToken, type PhraseState } from './completion-phrases';

export type ExprExpectation =
  | { kind: 'conditionStart'; objectType: ObjectTypeName }
  | { kind: 'joiner'; includingUnknown: boolean }
  | { kind: 'keywords'; phrases: string[] }
  | { kind: 'listName' }
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
  | 'including'
  | 'submitted'
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
  pendingAssociation = false;
  property = '';
  states: PhraseState[] = [];
  /** The last condition was a property condition without `including unknown` yet. */
  canIncludeUnknown = false;
  submittedWords = 0;

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
        return this.expectWord(word === 'company' || word === 'companies', 'associatedCompany');
      case 'associatedCompany':
        this.pendingAssociation = word === 'where';
        return this.expectWord(word === 'where', 'condition');
      case 'including':
        this.canIncludeUnknown = false;
        return this.expectWord(word === 'unknown', 'afterCondition');
      case 'submitted':
        return this.submitted(t, word);
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
      if (this.pendingAssociation) this.frames.push({ objectType: 'companies', closesAtDepth: this.depth });
      this.pendingAssociation = false;
      return;
    }
    const next: Record<string, Mode> = { in: 'in', associated: 'associated', submitted: 'submitted', condition: 'conditionName' };
    if (next[word]) {
      this.submittedWords = 0;
      this.mode = next[word];
      return;
    }
    if (word === 'everyone' || word === 'nobody') return this.endCondition(false);
    if (!isPropertyToken(t)) return this.fail();
    if (this.pendingAssociation) this.frames.push({ objectType: 'companies' });
    this.pendingAssociation = false;
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

  private submitted(t: HslistToken, word: string): void {
    if (word === 'and' || word === 'or' || word === ')') {
      this.endCondition(false);
      this.feed(t);
      return;
    }
    this.submittedWords++;
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
        return [{ kind: 'conditionStart', objectType: this.pendingAssociation ? 'companies' : this.objectType() }];
      case 'afterCondition':
        return [{ kind: 'joiner', includingUnknown: this.canIncludeUnknown }];
      case 'in':
        return [{ kind: 'keywords', phrases: ['list'] }];
      case 'inList':
        return [{ kind: 'listName' }];
      case 'conditionName':
        return [{ kind: 'conditionName' }];
      case 'associated':
        return [{ kind: 'keywords', phrases: ['company where'] }];
      case 'associatedCompany':
        return [{ kind: 'keywords', phrases: ['where'] }];
      case 'including':
        return [{ kind: 'keywords', phrases: ['unknown'] }];
      case 'submitted':
        return this.submittedWords === 0 ? [{ kind: 'keywords', phrases: ['any form', 'form'] }] : [{ kind: 'joiner', includingUnknown: false }];
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

/** Expectations after the tokens of a `where` expression (the `where` itself excluded). */
export function expressionExpectations(tokens: HslistToken[]): ExprExpectation[] {
  const scanner = new ExprScanner();
  for (const t of tokens) scanner.feed(t);
  return scanner.expectations();
}
