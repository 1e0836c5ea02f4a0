// Grammar of the file level: `list "Name" { … }` and `sync <target> { … }` blocks, settings on one
// line each, `where`, and `map … to …: rule` lines. Lines that fit nothing are consumed as stray
// text with one diagnostic, so the rest of the block still parses.

import { EOF, tokenMatcher, type IToken } from './chevrotain';
import type { Expr, ListNode, MappingNode, MemberItem, Name, NamedConditionNode, Setting, SettingValue, Span, SyncNode, ValueSetNode } from './ast';
import { diagnostic } from './diagnostic';
import { strayTextMessage } from './messages';
import { ExprParser } from './parser-expr';
import * as T from './tokens';

// Module-level references to token types (cheaper than a namespace lookup on every use).
const { AnyWord, BacktickName, Colon, Comma, Equals, LBrace, ListId, LParen, NumberLit, RBrace, RParen, Stray, StringLit, Kw: K } = T;

/** Setting names of more than one word, to tell where a bare value ends and the next key begins on one line. */
const MULTI_WORD_KEYS = [['inclusion', 'list'], ['members', 'from'], ['salesforce', 'creates', 'hubspot', 'contacts'], ['hubspot', 'creates', 'in', 'salesforce']];

/** Whether `words` ends with `key` and has at least one word before it (the value). */
function endsWith(words: string[], key: string[]): boolean {
  if (words.length <= key.length) return false;
  return key.every((word, i) => words[words.length - key.length + i] === word);
}

type BodyItem = { kind: 'where'; keyword: Span; expr: Expr } | Setting | MappingNode | undefined;

export type FileBlocks = { lists: ListNode[]; syncBlocks: SyncNode[]; valueSets: ValueSetNode[]; conditions: NamedConditionNode[] };

/** The kinds of block, which decide what a line of the body may be. */
type BlockKind = 'list' | 'sync' | 'condition';

/** What a line of each kind of block may start with, for the message about a line that fits nothing. */
const BODY_EXPECTS: Record<BlockKind, string> = { list: 'a setting or `where`', sync: 'a setting or `map`', condition: 'a setting or `where`' };

const emptyBlocks = (): FileBlocks => ({ lists: [], syncBlocks: [], valueSets: [], conditions: [] });

/** The blocks read, without the holes recovery leaves. */
function presentBlocks(blocks: FileBlocks): FileBlocks {
  return { lists: blocks.lists.filter(Boolean), syncBlocks: blocks.syncBlocks.filter(Boolean), valueSets: blocks.valueSets.filter(Boolean), conditions: blocks.conditions.filter(Boolean) };
}

export class HslistParser extends ExprParser {
  /** Blocks of the file read so far: what the file rule returns when a later block fails beyond recovery. */
  private fileBlocks: FileBlocks = emptyBlocks();

  public file = this.RULE(
    'file',
    (): FileBlocks => {
      const blocks = emptyBlocks();
      this.fileBlocks = blocks;
      const { lists, syncBlocks, valueSets, conditions } = blocks;
      this.MANY(() =>
        this.OR([
          { ALT: () => lists.push(this.SUBRULE(this.listBlock)) },
          { ALT: () => syncBlocks.push(this.SUBRULE(this.syncBlock)) },
          { ALT: () => valueSets.push(this.SUBRULE(this.valueSetDefinition)) },
          { ALT: () => conditions.push(this.SUBRULE(this.conditionBlock)) },
          { ALT: () => this.SUBRULE(this.strayText, { ARGS: ['`list`, `sync`, `values` or `condition` to start a block'] }) },
        ]),
      );
      return presentBlocks(blocks);
    },
    { recoveryValueFunc: () => presentBlocks(this.fileBlocks) },
  );

  /** Tokens that start nothing here, up to the end of the line: one diagnostic for all of them. */
  private strayText = this.RULE('strayText', (expected: string) => {
    const previous = this.LA(0);
    const first = this.CONSUME(Stray);
    const line = first.startLine;
    this.MANY({ GATE: () => this.onLine(line) && !this.atBlockEnd(), DEF: () => this.CONSUME2(Stray) });
    this.ACTION(() => {
      const message = strayTextMessage(expected, first, previous);
      this.extraDiagnostics.push(diagnostic('syntax-error', message, this.tokenSpan(first)));
    });
  });

  private listBlock = this.RULE('listBlock', (): ListNode => {
    const keyword = this.CONSUME(K.list);
    const nameToken = this.CONSUME(StringLit);
    this.CONSUME(LBrace);
    const items = this.SUBRULE(this.blockBody, { ARGS: ['list', keyword, `list "${nameToken.image.slice(1, -1)}"`] });
    return this.ACTION(() => this.buildList(keyword, nameToken, items));
  });

  /** Items of the block being read, so a body that fails beyond recovery still yields what it read. */
  private bodyItems: BodyItem[] = [];

  /**
   * The lines after a block's `{`, one item each: the block's own kind of line (`where` in a list,
   * `map` in a sync block), a setting, or stray text reported as one diagnostic per line; then the
   * closing `}` (in this rule, so that a line that fails re-syncs at it and keeps its item).
   */
  private blockBody = this.RULE(
    'blockBody',
    (kind: BlockKind, opener: IToken, what: string): BodyItem[] => {
      const items: BodyItem[] = [];
      this.ACTION(() => (this.bodyItems = items));
      this.MANY({
        GATE: () => !this.atBlockEnd(),
        DEF: () =>
          this.OR({
            IGNORE_AMBIGUITIES: true,
            DEF: [
              { GATE: () => kind !== 'sync', ALT: () => items.push(this.SUBRULE(this.whereClause)) },
              { GATE: () => kind === 'sync', ALT: () => items.push(this.SUBRULE(this.mapping)) },
              { ALT: () => items.push(this.SUBRULE(this.setting)) },
              { ALT: () => this.SUBRULE(this.strayText, { ARGS: [BODY_EXPECTS[kind]] }) },
            ],
          }),
      });
      this.closeBlock(opener, what);
      return items;
    },
    { recoveryValueFunc: () => this.bodyItems },
  );

  /**
   * The closing `}`. At the end of the file (a block still being typed) it is reported and the block is
   * kept: failing the rule there would lose every block of the file, and with them the lists other
   * files refer to.
   */
  private closeBlock(opener: IToken, what: string): void {
    if (this.RECORDING_PHASE || this.LA(1).tokenType !== EOF) {
      this.CONSUME(RBrace);
      return;
    }
    this.ACTION(() => {
      const message = `Expected \`}\` to close ${what} (opened on line ${opener.startLine}), found the end of the file.`;
      this.extraDiagnostics.push(diagnostic('syntax-error', message, { start: this.textLength, end: this.textLength }));
    });
  }

  private buildList(keyword: IToken, nameToken: IToken, items: BodyItem[]): ListNode {
    const name: Name = { text: this.stringText(nameToken), ...this.tokenSpan(nameToken) };
    return { kind: 'list', name, ...this.criteriaOf(items, 'list'), ...this.spanFrom(this.startOf(keyword)) };
  }

  /** The settings and the one `where` of a list or a named condition; a second `where` is reported. */
  private criteriaOf(items: BodyItem[], what: 'list' | 'condition'): Pick<ListNode, 'settings' | 'where' | 'whereKeyword'> {
    const criteria: Pick<ListNode, 'settings' | 'where' | 'whereKeyword'> = { settings: [], where: undefined, whereKeyword: undefined };
    for (const item of items ?? []) {
      if (!item) continue;
      if (item.kind === 'setting') criteria.settings.push(item);
      else if (item.kind === 'where' && criteria.whereKeyword === undefined) {
        criteria.where = item.expr;
        criteria.whereKeyword = item.keyword;
      } else if (item.kind === 'where') {
        const message = `A ${what} has only one \`where\`; join these conditions to the first ones with \`and\`.`;
        this.extraDiagnostics.push(diagnostic('syntax-error', message, item.keyword));
      }
    }
    return criteria;
  }

  /** `values <name> = (<value>, …)` */
  private valueSetDefinition = this.RULE('valueSetDefinition', (): ValueSetNode => {
    const keyword = this.CONSUME(K.values);
    const name = this.SUBRULE(this.definitionName);
    this.CONSUME(Equals);
    const list = this.SUBRULE(this.valueList);
    // A list lost in recovery leaves no values: well-formed.ts then drops the definition.
    return this.ACTION(() => ({ kind: 'valueSet' as const, name, values: list?.values ?? [], valuesSpan: list?.span ?? this.spanFrom(this.startOf(keyword)), ...this.spanFrom(this.startOf(keyword)) }));
  });

  /** `condition <name> { [description: "…"] where … }` */
  private conditionBlock = this.RULE('conditionBlock', (): NamedConditionNode => {
    const keyword = this.CONSUME(K.condition);
    const name = this.SUBRULE2(this.definitionName);
    this.CONSUME(LBrace);
    const items = this.SUBRULE(this.blockBody, { ARGS: ['condition', keyword, `\`condition ${name?.text ?? ''}\``] });
    return this.ACTION(() => ({ kind: 'namedCondition' as const, name, ...this.criteriaOf(items, 'condition'), ...this.spanFrom(this.startOf(keyword)) }));
  });

  /** Where the current `where` began, so a `where` that fails as a whole still yields an ErrorCondition. */
  private whereStart = { keyword: { start: 0, end: 0 }, expr: 0 };

  private whereClause = this.RULE(
    'whereClause',
    (): BodyItem => {
      const keyword = this.CONSUME(K.where);
      const start = this.ACTION(() => this.here());
      this.ACTION(() => (this.whereStart = { keyword: this.tokenSpan(keyword), expr: start }));
      const expr = this.SUBRULE(this.orExpr);
      return this.ACTION(() => ({ kind: 'where' as const, keyword: this.tokenSpan(keyword), expr: this.complete(expr, start) }));
    },
    { recoveryValueFunc: () => ({ kind: 'where' as const, keyword: this.whereStart.keyword, expr: this.errorCondition(this.whereStart.expr) }) },
  );

  private syncBlock = this.RULE('syncBlock', (): SyncNode => {
    const keyword = this.CONSUME(K.sync);
    const targetToken = this.CONSUME(AnyWord);
    this.CONSUME(LBrace);
    const items = this.SUBRULE(this.blockBody, { ARGS: ['sync', keyword, `\`sync ${targetToken.image}\``] });
    return this.ACTION(() => {
      const target: Name = { text: targetToken.image.toLowerCase(), ...this.tokenSpan(targetToken) };
      const settings = (items ?? []).filter((i): i is Setting => i?.kind === 'setting');
      const mappings = (items ?? []).filter((i): i is MappingNode => i?.kind === 'mapping');
      return { kind: 'sync', target, settings, mappings, ...this.spanFrom(this.startOf(keyword)) };
    });
  });

  /** `words … : value`, all on the line of its first word. */
  private setting = this.RULE('setting', (): Setting => {
    const first = this.CONSUME(AnyWord);
    const line = first.startLine;
    const words = [first];
    this.MANY({ GATE: () => this.onLine(line), DEF: () => words.push(this.CONSUME2(AnyWord)) });
    this.CONSUME(Colon);
    const value = this.OPTION({ GATE: () => this.onLine(line), DEF: () => this.SUBRULE(this.settingValue, { ARGS: [line] }) });
    return this.ACTION((): Setting => {
      const last = words[words.length - 1];
      const key: Name = { text: words.map((w) => w.image.toLowerCase()).join(' '), start: this.startOf(first), end: this.tokenSpan(last).end };
      return { kind: 'setting', key, value, ...this.spanFrom(key.start) };
    });
  });

  private settingValue = this.RULE('settingValue', (line: number | undefined): SettingValue =>
    this.OR([
      {
        ALT: () => {
          const token = this.CONSUME(StringLit);
          return this.ACTION(() => ({ kind: 'string' as const, value: this.stringText(token), ...this.tokenSpan(token) }));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(NumberLit);
          return this.ACTION(() => ({ kind: 'number' as const, value: Number(token.image), ...this.tokenSpan(token) }));
        },
      },
      { ALT: () => this.SUBRULE(this.memberList) },
      {
        ALT: () => {
          const words: IToken[] = [];
          const length = this.ACTION(() => this.bareValueLength(line));
          this.AT_LEAST_ONE({ GATE: () => words.length < length, DEF: () => words.push(this.CONSUME(AnyWord)) });
          return this.ACTION(() => {
            const value = words.map((w) => w.image.toLowerCase()).join(' ');
            return { kind: 'word' as const, value, ...this.spanFrom(this.startOf(words[0])) };
          });
        },
      },
    ]),
  );

  /** `(#123, "ann@example.com", …)`: opens on the setting's line, may run over lines, may end with a comma. */
  private memberList = this.RULE('memberList', (): SettingValue => {
    const open = this.CONSUME(LParen);
    const items: MemberItem[] = [];
    this.OPTION(() => {
      items.push(this.SUBRULE(this.memberItem));
      this.MANY({
        GATE: () => this.LA(2).tokenType !== RParen,
        DEF: () => {
          this.CONSUME(Comma);
          items.push(this.SUBRULE2(this.memberItem));
        },
      });
      this.OPTION2(() => this.CONSUME2(Comma));
    });
    this.CONSUME(RParen);
    return this.ACTION(() => ({ kind: 'members' as const, items: items.filter(Boolean), ...this.spanFrom(this.startOf(open)) }));
  });

  private memberItem = this.RULE('memberItem', (): MemberItem => {
    const token = this.OR([{ ALT: () => this.CONSUME(StringLit) }, { ALT: () => this.CONSUME(ListId) }]);
    return this.ACTION((): MemberItem => {
      const span = this.tokenSpan(token);
      if (token.tokenType === ListId) return { kind: 'id', value: token.image.slice(1), ...span };
      return { kind: 'email', value: this.stringText(token), ...span };
    });
  });

  /**
   * How many words from here make a bare value: the words on this line up to `where`, `map`, a
   * non-word, or the key of another setting (`type: active folder: "x"`). That key is the longest
   * known setting name ending at its colon, else the one word before the colon. At least one word.
   */
  private bareValueLength(line: number | undefined): number {
    let count = 0;
    for (let next = this.LA(1); this.onLineToken(next, line) && tokenMatcher(next, AnyWord); next = this.LA(count + 1)) {
      if (next.tokenType === K.where || next.tokenType === K.map) break;
      count += 1;
    }
    const after = this.LA(count + 1);
    if (count <= 1 || after.tokenType !== Colon || !this.onLineToken(after, line)) return Math.max(1, count);
    const words = Array.from({ length: count }, (_, i) => this.LA(i + 1).image.toLowerCase());
    const keyLength = Math.max(1, ...MULTI_WORD_KEYS.filter((key) => endsWith(words, key)).map((key) => key.length));
    return Math.max(1, count - keyLength);
  }

  /** `map <hubspot property> to <Salesforce field>: <rule words>` */
  private mapping = this.RULE('mapping', (): MappingNode => {
    const keyword = this.CONSUME(K.map);
    const line = keyword.startLine;
    const hubspotProperty = this.SUBRULE(this.propertyName);
    this.CONSUME(K.to);
    const field = this.SUBRULE(this.fieldName);
    this.CONSUME(Colon);
    const rule = this.OPTION({ GATE: () => this.onLine(line), DEF: () => this.SUBRULE(this.settingValue, { ARGS: [line] }) });
    return this.ACTION(() => ({ kind: 'mapping', hubspotProperty, salesforceField: field, rule, ...this.spanFrom(this.startOf(keyword)) }));
  });

  private fieldName = this.RULE('fieldName', (): Name => {
    const token = this.OR([{ ALT: () => this.CONSUME(BacktickName) }, { ALT: () => this.CONSUME(AnyWord) }]);
    return this.ACTION(() => this.nameOf(token));
  });

  constructor() {
    super();
    this.performSelfAnalysis();
  }
}
