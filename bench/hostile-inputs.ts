// Hostile workspaces for `npm run bench:hostile`, generated from a seed (nothing large is committed):
// a ring of N lists that reach each other through `in list`, one unknown property of 300,000
// characters, and ~400 KB of lists that each name a misspelt list (did-you-mean over every name).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './workspace-gen';

const WORDS = ['Campaign', 'Audience', 'Webinar', 'Region', 'Partner', 'Trial', 'Renewal', 'Event', 'Newsletter', 'Prospect', 'Account', 'Segment'];

function listName(r: () => number, i: number): string {
  return `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]} ${i}`;
}

function writeFiles(dir: string, files: Record<string, string>): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** `count` lists in files of 100, list i naming list i+1 and the last naming the first. */
export function writeCycle(dir: string, seed: number, count: number): number {
  const r = seededRandom(seed);
  const names = Array.from({ length: count }, (_, i) => listName(r, i));
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const file = `ring-${String(Math.floor(i / 100)).padStart(3, '0')}.hslist`;
    files[file] = (files[file] ?? '') + `list "${names[i]}" {\n  where email is known and in list "${names[(i + 1) % count]}"\n}\n\n`;
  }
  return writeFiles(dir, files);
}

/** One list whose criteria name a property of `length` characters. */
export function writeLongProperty(dir: string, seed: number, length: number): number {
  const r = seededRandom(seed);
  const name = Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz_'[Math.floor(r() * 27)]).join('');
  return writeFiles(dir, { 'long.hslist': `list "Long" {\n  where ${name} is known\n}\n` });
}

/** About `bytes` of lists, each naming a misspelt list: every reference is unknown and asks for did-you-mean. */
export function writeMisspeltNames(dir: string, seed: number, bytes: number): number {
  const r = seededRandom(seed);
  const files: Record<string, string> = {};
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const name = listName(r, i);
    const typo = name.replace(/[aeiou]/, (v) => (v === 'a' ? 'e' : 'a')) + 'x';
    const text = `list "${name}" {\n  where email is known and in list "${typo}"\n}\n\n`;
    const file = `names-${String(Math.floor(i / 200)).padStart(3, '0')}.hslist`;
    files[file] = (files[file] ?? '') + text;
    total += text.length;
  }
  return writeFiles(dir, files);
}
