// An explanation (the engine's ExplainNode tree) as Markdown: every group and filter with pass /
// fail / unknown and the contact's actual values, the failing ones easy to spot.

import type { ExplainNode } from '../../preview/explain';
import type { Tri } from '../../preview/types';

function mark(result: Tri): string {
  return result === true ? '✅ pass' : result === false ? '❌ fail' : '❔ unknown';
}

function valuesText(values: Record<string, string | null> | undefined): string {
  if (!values) return '';
  const parts = Object.entries(values).map(([name, value]) => `\`${name}\` = ${value === null ? '*(no value)*' : `\`${value.replace(/`/g, "'")}\``}`);
  return parts.length ? ` — ${parts.join(', ')}` : '';
}

function nodeLines(node: ExplainNode, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const isGroup = node.children.length > 0;
  const label = isGroup ? `**${node.children.length > 1 ? groupWord(node) : 'group'}** \`${clip(node.text)}\`` : `\`${clip(node.text)}\``;
  const reason = node.reason ? ` *(${node.reason})*` : '';
  out.push(`${indent}- ${mark(node.result)} ${label}${valuesText(node.values)}${reason}`);
  for (const child of node.children) nodeLines(child, depth + 1, out);
}

/** "all of" / "any of" read from the node text's top-level connective (the plan text joins with and / or). */
function groupWord(node: ExplainNode): string {
  const first = node.children[0]?.text ?? '';
  const rest = node.text.slice(first.length + (node.text.startsWith('(') ? 2 : 0)).trimStart();
  return rest.startsWith('or ') ? 'any of' : rest.startsWith('and ') ? 'all of' : 'group';
}

function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export function explainMarkdown(listName: string, contact: string, contactId: string | undefined, node: ExplainNode): string {
  const verdict = node.result === true ? 'is **in** the list' : node.result === false ? 'is **not in** the list' : 'cannot be judged from the loaded data';
  const who = contactId && contactId !== contact ? `${contact} (id ${contactId})` : contact;
  const lines = [`# Why contact ${who} ${node.result === true ? 'matches' : 'does not match'} "${listName}"`, '', `The contact ${verdict}.`, ''];
  nodeLines(node, 0, lines);
  const failing = collectFailing(node);
  if (failing.length) lines.push('', `Failing filter${failing.length > 1 ? 's' : ''}: ${failing.map((t) => `\`${clip(t)}\``).join(', ')}`);
  return lines.join('\n') + '\n';
}

/** The leaves that fail (what a user would change). */
function collectFailing(node: ExplainNode, out: string[] = []): string[] {
  if (node.children.length === 0 && node.result === false) out.push(node.text);
  for (const c of node.children) collectFailing(c, out);
  return out;
}
