// Cross-file diagnostics after edits: a workspace whose files define lists, refer to each other's lists,
// define the same name twice, name an inclusion list, and define and use named value sets and conditions,
// edited line by line as a user types (a number changed, spaces typed, a name or reference renamed, a line
// added or removed, a stray token). After every edit each file's diagnostics equal a fresh analysis's: the
// cross-file checks kept from the last analysis (workspace-check-memo.ts) are never stale.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultSchema } from '../../server/src/language/schema';
import { analyzeWorkspace, Workspace } from '../../server/src/language/workspace';

const schema = defaultSchema();
const NAMES = ['Alpha', 'Beta', 'beta', 'Gamma', 'Inclusion'];
const PATHS = ['a.hslist', 'b.hslist', 'c.hslist'];

const name = fc.constantFrom(...NAMES);
const criterion = fc.oneof(
  name.map((n) => `in list "${n}"`),
  fc.constant('email is known'),
  fc.nat(9999).map((n) => `annualrevenue > ${n}`),
  fc.constantFrom('country is any of places', 'country is any of nowhere', 'condition uses_list', 'condition missing'),
  fc.constantFrom('lifecyclestage is leed', 'jobtitle contains "x"', 'firstname is known'),
);
const listLines = fc
  .tuple(name, fc.constantFrom('active', 'static', 'snapshot'), fc.array(criterion, { minLength: 1, maxLength: 4 }))
  .map(([n, type, criteria]) => [`list "${n}" {`, `  type: ${type}`, ...criteria.map((c, i) => `  ${i === 0 ? 'where' : '  and'} ${c}`), '}', '']);
const otherBlock = fc.constantFrom(
  ['sync salesforce {', '  inclusion list: "Inclusion"', '  map jobtitle to Title: two way', '}', ''],
  ['values places = ("Poland", "Spain")', ''],
  ['condition uses_list {', '  where in list "Alpha"', '}', ''],
);
const fileLines = fc.array(fc.oneof({ weight: 3, arbitrary: listLines }, { weight: 2, arbitrary: otherBlock }), { maxLength: 4 }).map((blocks) => blocks.flat());

type Edit = [file: number, line: number, kind: number, pick: number];
const arbEdit: fc.Arbitrary<Edit> = fc.tuple(fc.nat(PATHS.length - 1), fc.nat(), fc.nat(8), fc.nat());

/** Line `line` (modulo) among the lines of `lines` that match `pattern`, else among all of them. */
function lineMatching(lines: string[], line: number, pattern: RegExp): number {
  const matching = lines.flatMap((text, i) => (pattern.test(text) ? [i] : []));
  return matching.length > 0 ? matching[line % matching.length] : line % lines.length;
}

/** One edit of the kinds a user makes, on line `line` (modulo, among the lines it can change) of file `file`. */
function applyEdit(files: string[][], [file, line, kind, pick]: Edit): void {
  const lines = files[file];
  if (lines.length === 0) {
    lines.push(`list "${NAMES[pick % NAMES.length]}" {`, '  where email is known', '}');
    return;
  }
  const i = line % lines.length;
  const swap = (pattern: RegExp, words: string[]) => {
    const at = lineMatching(lines, line, pattern);
    lines[at] = lines[at].replace(pattern, words[pick % words.length]);
  };
  if (kind === 0) lines[i] = /\d/.test(lines[i]) ? lines[i].replace(/\d+/, String(pick % 100000)) : `${lines[i]} `;
  else if (kind === 1) lines[i] = `${' '.repeat(1 + (pick % 3))}${lines[i]}`;
  else if (kind === 2) swap(/"[^"]*"/, NAMES.map((n) => `"${n}"`));
  else if (kind === 3) lines.splice(i, 0, '');
  else if (kind === 4) lines.splice(i, 1);
  else if (kind === 5) lines[i] = `${lines[i]} ${['{', '}', 'and', '"', 'where', 'in list'][pick % 6]}`;
  else if (kind === 6) swap(/places|uses_list|nowhere|missing/, ['places', 'nowhere', 'uses_list', 'missing']);
  else if (kind === 7) swap(/active|static|snapshot/, ['active', 'static', 'snapshot']);
  else swap(/email|jobtitle|firstname/, ['email', 'jobtitle', 'firstname']);
}

describe('workspace: cross-file diagnostics after edits', () => {
  it('equal a fresh analysis of every file after every edit', () => {
    fc.assert(
      fc.property(fc.array(fileLines, { minLength: PATHS.length, maxLength: PATHS.length }), fc.array(arbEdit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        const files = start.map((lines) => [...lines]);
        const workspace = new Workspace(schema);
        const sources = () => files.map((lines, f) => ({ path: PATHS[f], text: lines.join('\n') }));
        for (const s of sources()) workspace.setFile(s.path, s.text);
        workspace.analyze();
        for (const edit of edits) {
          applyEdit(files, edit);
          for (const s of sources()) workspace.setFile(s.path, s.text);
          const incremental = workspace.analyze();
          const fresh = analyzeWorkspace(sources(), schema);
          const shown = `after ${JSON.stringify(edit)}:\n${sources().map((s) => `== ${s.path}\n${s.text}`).join('\n')}`;
          for (const path of PATHS) assert.deepEqual(incremental.files.get(path)?.diagnostics, fresh.files.get(path)?.diagnostics, `${path} ${shown}`);
          // Navigation and rename read the references: each at its place, from the list that holds it.
          const places = (refs: typeof fresh.references) => refs.map((r) => [r.path, r.name, r.kind, r.span.start, r.span.end, r.fromList?.start]);
          assert.deepEqual(places(incremental.references), places(fresh.references), `references ${shown}`);
        }
      }),
      { numRuns: Number(process.env.HSLIST_PROPERTY_RUNS ?? 200) },
    );
  });

  it('moves the kept diagnostics with an edit before them, and checks again when a name changes', () => {
    const workspace = new Workspace(schema);
    const b = (n: number) => `list "Counted" {\n  where annualrevenue > ${n}\n}\n\nlist "Uses" {\n  where in list "Tarrget"\n}\n`;
    workspace.setFile('a.hslist', 'list "Target" {\n  where email is known\n}\n');
    workspace.setFile('b.hslist', b(5));
    const unknownIn = (path: string) => workspace.analyze().files.get(path)?.diagnostics.filter((d) => d.code === 'unknown-list') ?? [];
    assert.equal(unknownIn('b.hslist').length, 1);
    const reused = workspace.cache.crossFile.reused;
    workspace.setFile('b.hslist', b(500000));
    const [moved] = unknownIn('b.hslist');
    assert.equal(workspace.cache.crossFile.reused, reused + 1, 'an edit that moves no name or reference to another line keeps the diagnostics');
    assert.equal(b(500000).slice(moved.start, moved.end), '"Tarrget"', 'at the reference\'s new place');
    assert.deepEqual(moved.fixes?.[0].edits.map((e) => b(500000).slice(e.start, e.end)), ['"Tarrget"'], 'and so are its fixes');
    // Renaming the list in the other file answers the reference: checked again, not kept.
    workspace.setFile('a.hslist', 'list "Tarrget" {\n  where email is known\n}\n');
    assert.deepEqual(unknownIn('b.hslist'), []);
    assert.equal(workspace.cache.crossFile.reused, reused + 1);
    workspace.setFile('c.hslist', 'list "tarrget" {\n  where email is known\n}\n');
    assert.deepEqual(workspace.analyze().files.get('c.hslist')?.diagnostics.map((d) => d.code), ['duplicate-list']);
  });

  it('checks again when a list kept in place now stands on another line (an edit of the same length above it)', () => {
    const workspace = new Workspace(schema);
    workspace.setEditing('a.hslist', true);
    const a = (gap: string) => `list "Other" {\n  where email is known\n}\n${gap}list "Twice" {\n  where email is known\n}\n`;
    workspace.setFile('a.hslist', a('\n\n'));
    workspace.setFile('b.hslist', 'list "Twice" {\n  where phone is known\n}\n');
    const duplicate = () => workspace.analyze().files.get('b.hslist')?.diagnostics.find((d) => d.code === 'duplicate-list')?.message;
    assert.match(duplicate() ?? '', /a\.hslist:6/);
    // A line break made a space: "Twice" keeps its offset (and its parse) but moves up a line.
    workspace.setFile('a.hslist', a(' \n'));
    assert.match(duplicate() ?? '', /a\.hslist:5/);
  });
});

