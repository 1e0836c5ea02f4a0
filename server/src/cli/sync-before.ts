// `hslist sync-plan --before REV|DIR`: the workspace to compare with, from a folder of .hslist files or from a
// git revision of the current one (`--before main`, `--before HEAD~1`), read with `git show` and analysed
// with the same schema. Only its lists and its sync block are used.

import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { ListNode } from '@hslist/grammar';
import { analyzeWorkspace, type SourceFile, type WorkspaceAnalysis } from '../language/workspace';
import { syncSettingsOf, type SyncSettings } from '../sync/settings';
import { UsageError } from './args';
import type { CommandContext } from './context';
import { discoverSources } from './discover';
import { readSource } from './read-source';
import { workspaceLists } from '../language/definitions/resolve';

export interface BeforeWorkspace {
  /** How to name it: the folder, or `git <rev>`. */
  label: string;
  lists: ListNode[];
  settings: SyncSettings | undefined;
}

function git(root: string, args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function fromFolder(dir: string): SourceFile[] {
  return discoverSources([dir]).files.flatMap((path) => {
    const read = readSource(path);
    return read.ok ? [{ path: read.path, text: read.text }] : [];
  });
}

function fromRevision(root: string, revision: string): SourceFile[] {
  let top: string;
  try {
    top = git(root, ['rev-parse', '--show-toplevel']).trim();
    git(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  } catch {
    throw new UsageError(`--before "${revision}" is neither a folder nor a git revision of ${root}.`);
  }
  const prefix = relative(top, root).split('\\').join('/');
  const names = git(top, ['ls-tree', '-r', '--name-only', revision, '--', prefix === '' ? '.' : prefix]).split('\n').filter((n) => n.endsWith('.hslist'));
  return names.map((name) => ({ path: resolve(top, name), text: git(top, ['show', `${revision}:${name}`]) }));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function beforeWorkspace(spec: string, root: string, ctx: CommandContext, cwd: string): BeforeWorkspace {
  const folder = resolve(cwd, spec);
  const sources = isFolder(folder) ? fromFolder(folder) : fromRevision(root, spec);
  if (sources.length === 0) throw new UsageError(`--before "${spec}" holds no .hslist file.`);
  const analysis: WorkspaceAnalysis = analyzeWorkspace(sources, ctx.schema, { defaultTimezone: ctx.config.timezone });
  const sync = analysis.syncBlocks[0];
  return {
    label: isFolder(folder) ? spec : `git ${spec}`,
    lists: workspaceLists(analysis),
    settings: sync ? syncSettingsOf(sync.node) : undefined,
  };
}
