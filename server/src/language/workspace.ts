// Workspace analysis: every .hslist file parsed and checked, the list symbol table, references to
// lists, the sync blocks, and cross-file checks. Incremental: parses (and the single-file checks,
// which depend only on the file and the schema) are cached by path + text, and within an edited file
// by block, so re-analysing after one edit re-parses and re-checks the blocks it touched; the compiler
// results are kept by each list's text; cross-file checks run again when a file's list names or
// references changed (workspace-check-memo.ts), so a change in one file updates the diagnostics of the
// files that reference it. docs/checks.md#after-an-edit says what is done again after an edit.

import { BlockMemo, parse, parseReusing, type FileNode, type ListNode, type SyncNode, type Diagnostic } from '@hslist/grammar';
import { BlockCheckMemo } from './block-checks';
import { ListDiagnosticsMemo } from './list-diagnostics-memo';
import { WorkspaceCheckMemo } from './workspace-check-memo';
import { compileList } from '../hubspot/compile';
import { runFileChecks, runWorkspaceChecks } from './checks';
import { contain } from './checks/contain';
import { LineIndex } from './positions';
import type { SalesforceSchema } from './salesforce-schema';
import type { Schema } from './schema-types';
import { buildIndex, type ListReference, type ListSymbol } from './symbols';
import { NO_DEFINITIONS, type Definitions } from './definitions/table';
import { resolveList } from './definitions/resolve';
import { usesOfBrokenDefinitions } from './definitions/broken';

export interface SourceFile {
  path: string;
  text: string;
  /**
   * Open in an editor: parsed and checked block by block from its first analysis, so that the first
   * keystroke costs the block it touched, not a whole parse and check to fill the memos.
   */
  editing?: boolean;
}

export interface FileAnalysis {
  path: string;
  text: string;
  tree: FileNode;
  /** Parser, single-file, cross-file and compiler diagnostics, ordered by position. */
  diagnostics: Diagnostic[];
  lineIndex: LineIndex;
}

export interface WorkspaceAnalysis {
  files: Map<string, FileAnalysis>;
  /** Lowercased list name → definitions (path + node), first definition first. */
  lists: Map<string, ListSymbol[]>;
  references: ListReference[];
  syncBlocks: { path: string; node: SyncNode }[];
  /** Named value sets and conditions, and their uses: `resolveList` writes them into a list before it is compiled or previewed (analyzeWorkspace always sets it). */
  definitions?: Definitions;
}

export interface AnalyzeOptions {
  /** Reuse parses across calls; pass the same cache every time (or use `Workspace`). */
  cache?: AnalysisCache;
  /** HubSpot list ids of published lists, for the compiler; unpublished lists get a placeholder. */
  listIdFor?: (name: string) => string | undefined;
  /** Zone for lists without `timezone:` (default UTC, docs/semantics.md). */
  defaultTimezone?: string;
  /** Lead and Contact fields (from `hslist schema pull`); the Salesforce-aware sync checks run only with it. */
  salesforceSchema?: SalesforceSchema;
}

interface CachedFile {
  text: string;
  /** The file's blocks as last parsed and checked: an edit re-parses and re-checks only the blocks it touched. */
  parseMemo: BlockMemo;
  checkMemo: BlockCheckMemo;
  /** Changed since it was first read: parsed and checked through the memos. */
  edited: boolean;
  tree: FileNode;
  parseDiagnostics: Diagnostic[];
  lineIndex: LineIndex;
  checkedWith?: Schema;
  checkedWithSalesforce?: SalesforceSchema;
  /** The workspace's default zone the checks read undated lists' dates in. */
  checkedInZone?: string;
  localDiagnostics: Diagnostic[];
  /** The last analysis of the file and the diagnostics it was made of, unsorted. */
  analysis?: { diagnostics: Diagnostic[]; result: FileAnalysis };
}

/** What compiler diagnostics depend on besides the file itself: other files never change them. */
interface CompileKey {
  schema: Schema;
  timezone: string;
  listIdFor: AnalyzeOptions['listIdFor'];
  /** The text of every named value set and condition (lists are compiled with them written in). */
  definitions: string;
}

/** Parses and single-file check results by path; an entry is reused while its text is unchanged. */
export class AnalysisCache {
  private readonly entries = new Map<string, CachedFile>();
  /** How many times a file was parsed: tests use it to prove incrementality. */
  parseCount = 0;
  /** Compiler diagnostics by list source text, offsets relative to the list's start (see compileDiagnostics). */
  readonly compiled = new CompileCache();
  /** Cross-file diagnostics, kept while no file's names, references or checked blocks changed. */
  readonly crossFile = new WorkspaceCheckMemo();

  /** Whether `file` would parse or check nothing (the text and schemas are the ones cached). */
  isCurrent(source: SourceFile, schema: Schema, salesforceSchema?: SalesforceSchema, defaultTimezone = 'UTC'): boolean {
    const entry = this.entries.get(source.path);
    return entry !== undefined && entry.text === source.text && entry.checkedWith === schema && entry.checkedWithSalesforce === salesforceSchema && entry.checkedInZone === defaultTimezone && (source.editing !== true || entry.edited);
  }

  file(source: SourceFile, schema: Schema, salesforceSchema?: SalesforceSchema, defaultTimezone = 'UTC'): CachedFile {
    let entry = this.entries.get(source.path);
    // A file read whole before and now open in the editor goes through the memos once (on open, not on
    // its first keystroke).
    const toMemoize = source.editing === true && entry !== undefined && !entry.edited;
    if (!entry || entry.text !== source.text || toMemoize) {
      // A file read for the first time is parsed and checked whole (the quickest way when nothing can be
      // reused); from its first edit on, or while it is open, block by block, reusing what an edit left alone.
      const edited = entry !== undefined || source.editing === true;
      const parseMemo = entry?.parseMemo ?? new BlockMemo();
      const checkMemo = entry?.checkMemo ?? new BlockCheckMemo();
      const { file, diagnostics } = edited ? parseReusing(source.text, parseMemo) : parse(source.text);
      this.parseCount++;
      entry = { text: source.text, parseMemo, checkMemo, edited, tree: file, parseDiagnostics: diagnostics, lineIndex: new LineIndex(source.text), localDiagnostics: [] };
      this.entries.set(source.path, entry);
    }
    if (entry.checkedWith !== schema || entry.checkedWithSalesforce !== salesforceSchema || entry.checkedInZone !== defaultTimezone) {
      const context = { path: source.path, text: source.text, file: entry.tree, schema, salesforceSchema, defaultTimezone };
      // A list's checks depend on its text alone only when the file parsed without an error (recovery
      // from one may shape a list from what lies around it): otherwise the file is checked whole.
      const parsedClean = entry.parseDiagnostics.every((d) => d.severity !== 'error');
      entry.localDiagnostics = entry.edited && parsedClean ? entry.checkMemo.check(context) : runFileChecks(context);
      entry.checkedWith = schema;
      entry.checkedWithSalesforce = salesforceSchema;
      entry.checkedInZone = defaultTimezone;
    }
    return entry;
  }

  /** Drop entries of files no longer in the workspace. */
  retainOnly(paths: Set<string>): void {
    for (const path of [...this.entries.keys()]) if (!paths.has(path)) this.entries.delete(path);
  }
}

/**
 * The lists that hold an error diagnostic. Lists do not overlap and come in text order, so each error
 * is placed by a binary search over their starts (a scan per list was quadratic: 3,000 lists with
 * 3,000 errors cost 9 million comparisons).
 */
function listsWithErrors(diagnostics: Diagnostic[], lists: ListNode[]): Set<ListNode> {
  const out = new Set<ListNode>();
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    let low = 0;
    let high = lists.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lists[mid].start <= d.start) low = mid;
      else high = mid - 1;
    }
    const list = lists[low];
    if (list && d.start >= list.start && d.end <= list.end) out.add(list);
  }
  return out;
}

/**
 * Compiler diagnostics of lists, keyed by each list's source text: compiling (the OR-of-AND expansion
 * above all) is the costly part of a re-check, and a list compiles the same wherever it sits and
 * whatever the other files say. Offsets are stored relative to the list's start. Entries not used by
 * the latest analysis are dropped, so the cache holds one workspace's lists at most.
 */
export class CompileCache {
  private readonly lists = new ListDiagnosticsMemo();
  private key: CompileKey | undefined;

  /** Lists compiled (not taken from the cache) since it was made: tests prove reuse with it. */
  get compileCount(): number {
    return this.lists.computed;
  }

  begin(key: CompileKey): void {
    const k = this.key;
    this.lists.begin(k !== undefined && k.schema === key.schema && k.timezone === key.timezone && k.listIdFor === key.listIdFor && k.definitions === key.definitions);
    this.key = key;
  }

  diagnostics(text: string, list: ListNode, compile: (list: ListNode) => Diagnostic[]): Diagnostic[] {
    return this.lists.diagnostics(text, list, compile);
  }
}

function compileDiagnostics(entry: CachedFile, own: Diagnostic[], cache: CompileCache, options: AnalyzeOptions & { schema: Schema; definitions: Definitions }): Diagnostic[] {
  const listIdFor = options.listIdFor ?? (() => undefined);
  const ctx = { schema: options.schema, defaultTimezone: options.defaultTimezone ?? 'UTC', listIdFor: (name: string) => listIdFor(name) };
  const broken = listsWithErrors(own, entry.tree.lists);
  // A compiler bug on one list is that list's internal-check-error, at its name; the others still compile.
  const compile = (list: ListNode) => contain('HubSpot compiler', () => compileList(resolveList(list, options.definitions), ctx).diagnostics, (d) => [d], list.name);
  const out: Diagnostic[] = [];
  for (const list of entry.tree.lists) if (!broken.has(list)) out.push(...cache.diagnostics(entry.text, list, compile));
  return out;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.start - b.start || a.end - b.end || a.code.localeCompare(b.code);
}

export function analyzeWorkspace(files: SourceFile[], schema: Schema, options: AnalyzeOptions = {}): WorkspaceAnalysis {
  const cache = options.cache ?? new AnalysisCache();
  cache.retainOnly(new Set(files.map((f) => f.path)));
  const entries = new Map(files.map((f) => [f.path, cache.file(f, schema, options.salesforceSchema, options.defaultTimezone)]));
  const index = buildIndex([...entries].map(([path, e]) => ({ path, text: e.text, tree: e.tree, lineIndex: e.lineIndex })));
  const fromText = cache.crossFile.run(index, schema, () => runWorkspaceChecks(index, schema.lists, schema, 'text'));
  const crossFile = [...index.problems, ...fromText, ...runWorkspaceChecks(index, schema.lists, schema, 'files')];
  const definitions = index.definitions ?? NO_DEFINITIONS;
  cache.compiled.begin({ schema, timezone: options.defaultTimezone ?? 'UTC', listIdFor: options.listIdFor, definitions: definitions.fingerprint });
  const crossFileByPath = new Map<string, Diagnostic[]>();
  for (const d of crossFile) {
    const group = crossFileByPath.get(d.path);
    if (group) group.push(withoutPath(d));
    else crossFileByPath.set(d.path, [withoutPath(d)]);
  }
  const owns = new Map<string, Diagnostic[]>();
  for (const { path } of index.files) {
    const entry = entries.get(path) as CachedFile;
    owns.set(path, [...entry.parseDiagnostics, ...entry.localDiagnostics, ...(crossFileByPath.get(path) ?? [])]);
  }
  for (const d of usesOfBrokenDefinitions(definitions, (path) => owns.get(path), (path) => entries.get(path)?.lineIndex)) owns.get(d.path)?.push(withoutPath(d));
  const result = new Map<string, FileAnalysis>();
  for (const { path } of index.files) {
    const entry = entries.get(path) as CachedFile;
    const own = owns.get(path) as Diagnostic[];
    const compiled = compileDiagnostics(entry, own, cache.compiled, { ...options, schema, definitions });
    result.set(path, fileAnalysis(entry, path, [...own, ...compiled]));
  }
  return { files: result, lists: index.lists, references: index.references, syncBlocks: index.syncBlocks, definitions: index.definitions };
}

/**
 * The file's analysis, the last one itself when its diagnostics are the same objects as last time (an
 * unchanged file keeps its parse, checks, compiled and cross-file diagnostics): most files of a workspace
 * are not sorted again after each keystroke in another.
 */
function fileAnalysis(entry: CachedFile, path: string, diagnostics: Diagnostic[]): FileAnalysis {
  const last = entry.analysis;
  const same = last !== undefined && last.diagnostics.length === diagnostics.length && last.diagnostics.every((d, i) => d === diagnostics[i]);
  const result = same ? last.result : { path, text: entry.text, tree: entry.tree, lineIndex: entry.lineIndex, diagnostics: [...diagnostics].sort(byPosition) };
  entry.analysis = { diagnostics, result };
  return result;
}

/** Each cross-file diagnostic's copy without its path, made once, so that a diagnostic kept between analyses stays the same object. */
const pathless = new WeakMap<Diagnostic & { path: string }, Diagnostic>();

function withoutPath(d: Diagnostic & { path: string }): Diagnostic {
  let out = pathless.get(d);
  if (!out) {
    const { path: _path, ...rest } = d;
    void _path;
    out = rest;
    pathless.set(d, out);
  }
  return out;
}

/** A workspace that remembers its files and re-analyses incrementally. */
export class Workspace {
  private readonly texts = new Map<string, string>();
  /** Files open in an editor (SourceFile.editing). */
  private readonly editing = new Set<string>();
  readonly cache = new AnalysisCache();

  constructor(
    private schema: Schema,
    private options: Omit<AnalyzeOptions, 'cache'> = {},
  ) {}

  setFile(path: string, text: string): void {
    this.texts.set(path, text);
  }

  removeFile(path: string): void {
    this.texts.delete(path);
    this.editing.delete(path);
  }

  /** Whether the file is open in an editor (its edits are expected: see SourceFile.editing). */
  setEditing(path: string, editing: boolean): void {
    if (editing) this.editing.add(path);
    else this.editing.delete(path);
  }

  private source(path: string, text: string): SourceFile {
    return this.editing.has(path) ? { path, text, editing: true } : { path, text };
  }

  setSchema(schema: Schema): void {
    this.schema = schema;
  }

  setSalesforceSchema(salesforceSchema: SalesforceSchema | undefined): void {
    this.options = { ...this.options, salesforceSchema };
  }

  /** Files whose parse or single-file checks are not cached yet: `prepare` each, then `analyze` is quick. */
  pendingFiles(): string[] {
    return [...this.texts].filter(([path, text]) => !this.cache.isCurrent(this.source(path, text), this.schema, this.options.salesforceSchema, this.options.defaultTimezone)).map(([path]) => path);
  }

  /** Parses and checks one file into the cache (the language server does this one file per turn of its loop). */
  prepare(path: string): void {
    const text = this.texts.get(path);
    if (text !== undefined) this.cache.file(this.source(path, text), this.schema, this.options.salesforceSchema, this.options.defaultTimezone);
  }

  analyze(): WorkspaceAnalysis {
    const files = [...this.texts].map(([path, text]) => this.source(path, text));
    return analyzeWorkspace(files, this.schema, { ...this.options, cache: this.cache });
  }
}
