// Every snippet, expanded as VS Code would with its defaults (each choice tried), checks clean: a
// snippet that inserts something the checker rejects teaches the wrong thing.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSchema } from '../../../server/src/language/schema';
import { analyzeWorkspace } from '../../../server/src/language/workspace';

interface Snippet {
  prefix: string;
  body: string | string[];
}

const SNIPPETS = JSON.parse(readFileSync(join(__dirname, '../../../snippets/hslist.code-snippets'), 'utf8')) as Record<string, Snippet>;

/** The body with placeholder `n` set to its default, or to choice `pick` (the last when fewer), and `$n` mirrors filled in. */
function expand(body: string, pick: number): string {
  const values = new Map<string, string>();
  let text = body.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, choices: string) => {
    const options = choices.split(',');
    const value = options[Math.min(pick, options.length - 1)];
    values.set(n, value);
    return value;
  });
  text = text.replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string, value: string) => {
    values.set(n, value);
    return value;
  });
  return text.replace(/\$(\d+)/g, (_, n: string) => values.get(n) ?? '');
}

/** A fragment where it is typed: a mapping inside a sync block, a condition inside a list, the rest as is. */
function inContext(name: string, text: string): string {
  if (/^map /.test(text)) return `sync salesforce {\n  ${text}\n}\n`;
  if (/^sync /.test(text)) return `${text}\nlist "List name" {\n  where email is known\n}\n`;
  if (!/^(\/\/|list |sync )/.test(text.trimStart())) return `list "Context" {\n  where ${text}\n}\n\nlist "List name" {\n  where email is known\n}\n`;
  return text;
}

describe('language: snippets', () => {
  for (const [name, snippet] of Object.entries(SNIPPETS)) {
    it(`"${name}" (${snippet.prefix}) checks clean with each of its choices`, () => {
      const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
      const choices = Math.max(1, ...[...body.matchAll(/\$\{\d+\|([^|]*)\|\}/g)].map((m) => m[1].split(',').length));
      for (let pick = 0; pick < choices; pick++) {
        const text = inContext(name, expand(body, pick));
        const analysis = analyzeWorkspace([{ path: 'snippet.hslist', text }], defaultSchema());
        const problems = [...analysis.files.values()].flatMap((f) => f.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}: ${d.message}`));
        assert.deepEqual(problems, [], `${name}, choice ${pick + 1}:\n${text}`);
      }
    });
  }
});
