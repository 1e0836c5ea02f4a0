// The server's picture of the workspace: every .hslist file under the workspace folders (read from
// disk, opened or not), the open documents (the editor's text wins over the disk), the settings
// (schema, time zone, Salesforce fields), and the analysis, recomputed lazily after any change.
// Parses are cached by text (language/workspace.ts), so a re-analysis costs about one file's parse.

import { fileURLToPath, pathToFileURL } from 'node:url';
import { discoverSources } from '../cli/discover';
import { readSource } from '../cli/read-source';
import { defaultSchema } from '../language/schema';
import { Workspace, type WorkspaceAnalysis } from '../language/workspace';
import { isSettingsFile, loadSettings, type LoadedSettings } from './schema-loader';

interface OpenDocument {
  uri: string;
  text: string;
  version: number;
}

export function pathOfUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

export class WorkspaceState {
  folders: string[] = [];
  settings: LoadedSettings;
  schemaOverride: string | undefined;
  private readonly disk = new Map<string, string>();
  /** Files that could not be read: path → sentence. */
  readonly unreadable = new Map<string, { code: string; message: string }>();
  private readonly open = new Map<string, OpenDocument>();
  private workspace: Workspace;
  private current: WorkspaceAnalysis | undefined;
  private dirty = true;
  private readonly changed = new Set<string>();
  /** Counts changes of texts and settings: work begun for an older generation is stale. */
  generation = 0;
  /** Called with a sentence when analysis fails (the LSP layer logs it). */
  onProblem: (message: string) => void = () => undefined;

  constructor() {
    // Until the folders are known (initialize), the bundled schema and UTC.
    this.settings = { config: { root: process.cwd(), timezone: 'UTC' }, schema: defaultSchema(), salesforceFields: undefined, problems: [] };
    this.workspace = this.newWorkspace();
  }

  private newWorkspace(): Workspace {
    return new Workspace(this.settings.schema, { defaultTimezone: this.settings.config.timezone });
  }

  /** Load settings again (hslist.json or schema files changed); returns the problems found. */
  reloadSettings(): string[] {
    this.settings = loadSettings(this.folders[0] ?? process.cwd(), this.schemaOverride);
    this.workspace = this.newWorkspace();
    for (const path of this.allPaths()) {
      this.workspace.setFile(path, this.textOf(path) as string);
      this.workspace.setEditing(path, this.open.has(path));
    }
    this.dirty = true;
    this.generation++;
    return this.settings.problems;
  }

  /** Read every .hslist file under the folders. */
  scan(folders: string[]): void {
    this.folders = folders;
    this.reloadSettings();
    for (const path of discoverSources(folders).files) this.readFromDisk(path);
  }

  isSettingsFile(path: string): boolean {
    const schema = this.settings.config.schema;
    return isSettingsFile(path) || (schema !== undefined && (path === schema || path.startsWith(`${schema}/`)));
  }

  readFromDisk(path: string): void {
    const read = readSource(path);
    if (read.ok) {
      this.disk.set(path, read.text);
      this.unreadable.delete(path);
    } else {
      this.disk.delete(path);
      this.unreadable.set(path, { code: read.code, message: `${path} ${read.message}` });
    }
    this.sync(path);
  }

  deletedFromDisk(path: string): void {
    this.disk.delete(path);
    this.unreadable.delete(path);
    this.sync(path);
  }

  /** A file the analysis reads besides the texts (a static list's members file) changed: analyse again. */
  inputChanged(): void {
    this.dirty = true;
    this.generation++;
  }

  setOpen(uri: string, text: string, version: number): void {
    this.open.set(pathOfUri(uri), { uri, text, version });
    this.sync(pathOfUri(uri));
  }

  close(uri: string): void {
    this.open.delete(pathOfUri(uri));
    this.sync(pathOfUri(uri));
  }

  private textOf(path: string): string | undefined {
    return this.open.get(path)?.text ?? this.disk.get(path);
  }

  private allPaths(): Set<string> {
    return new Set([...this.disk.keys(), ...this.open.keys()]);
  }

  private sync(path: string): void {
    this.changed.add(path);
    const text = this.textOf(path);
    if (text === undefined) this.workspace.removeFile(path);
    else this.workspace.setFile(path, text);
    this.workspace.setEditing(path, this.open.has(path));
    this.dirty = true;
    this.generation++;
  }

  /** Files whose parse or checks are not cached: the publisher prepares them one at a time. */
  pendingPaths(): string[] {
    return this.workspace.pendingFiles();
  }

  /** Parses and checks one file into the analysis cache; a failure here is left for `analysis()` to report. */
  prepare(path: string): void {
    try {
      this.workspace.prepare(path);
    } catch (error) {
      this.onProblem(`checking ${path} failed (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  /** The analysis of the current texts (computed now if anything changed). */
  analysis(): WorkspaceAnalysis {
    if (this.dirty || !this.current) {
      this.current = this.analyzeGuarded();
      this.dirty = false;
      this.changed.clear();
    }
    return this.current;
  }

  /** A bug in analysis must not silence the editor: keep the last good analysis and say what failed. */
  private analyzeGuarded(): WorkspaceAnalysis {
    try {
      return this.workspace.analyze();
    } catch (error) {
      this.onProblem(`analysis failed (${error instanceof Error ? error.message : String(error)}); showing the last good results`);
      return this.current ?? { files: new Map(), lists: new Map(), references: [], syncBlocks: [] };
    }
  }


  /** The latest analysis without waiting for a new one (completion reads lists from it). */
  recentAnalysis(): WorkspaceAnalysis {
    return this.current ?? this.analysis();
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  versionOf(path: string): number | undefined {
    return this.open.get(path)?.version;
  }

  uriOf(path: string): string {
    const doc = this.open.get(path);
    if (doc) return doc.uri;
    return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) ? pathToFileURL(path).href : path;
  }

  relative(path: string): string {
    for (const folder of this.folders) {
      if (path.startsWith(`${folder}/`)) return path.slice(folder.length + 1);
    }
    return path;
  }
}
