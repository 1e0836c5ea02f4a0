// One service's credentials in VS Code's SecretStorage, each bound to the host it was connected for:
// one secret per host (`<prefix>@<origin>`, value `{ url, accessToken }`) and an index of the hosts,
// so that connecting for one host never rewrites another host's secret. The index exists because
// SecretStorage cannot list its keys (VS Code 1.100); it holds origins only, no secret.

import type * as vscode from 'vscode';
import { originOf, parseServiceUrl } from '../../server/src/accounts/hosts';

export interface BoundCredential {
  /** The base or instance URL the credential was connected for (no trailing slash). */
  url: string;
  accessToken: string;
}

function parseCredential(raw: string | undefined, origin: string): BoundCredential | undefined {
  if (raw === undefined) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<BoundCredential>;
    // An entry whose own URL is not of the host it is filed under is damaged: it counts as absent.
    if (typeof value.url === 'string' && typeof value.accessToken === 'string' && originOf(value.url) === origin) {
      return { url: value.url, accessToken: value.accessToken };
    }
  } catch {
    // A damaged entry counts as "not connected"; connecting again overwrites it.
  }
  return undefined;
}

export class CredentialStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    /** e.g. `hslist.hubspot.credential`. */
    private readonly prefix: string,
  ) {}

  private keyOf(origin: string): string {
    return `${this.prefix}@${origin}`;
  }

  private get indexKey(): string {
    return `${this.prefix}.hosts`;
  }

  /** Whether a SecretStorage change event is about this store. */
  owns(key: string): boolean {
    return key === this.indexKey || key.startsWith(`${this.prefix}@`);
  }

  /** The origins with a credential, the most recently connected last. */
  async hosts(): Promise<string[]> {
    try {
      const value = JSON.parse((await this.secrets.get(this.indexKey)) ?? '[]') as unknown;
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      return [];
    }
  }

  /** The credential connected for the URL's host; never one of another host. */
  async forHost(url: string): Promise<BoundCredential | undefined> {
    const origin = originOf(url);
    if (origin === undefined) return undefined;
    return parseCredential(await this.secrets.get(this.keyOf(origin)), origin);
  }

  /** The most recently connected credential still stored. */
  async latest(): Promise<BoundCredential | undefined> {
    for (const origin of (await this.hosts()).reverse()) {
      const credential = parseCredential(await this.secrets.get(this.keyOf(origin)), origin);
      if (credential) return credential;
    }
    return undefined;
  }

  /** Stores the credential for its URL's host (replacing only that host's), and lists the host last. */
  async store(url: string, accessToken: string): Promise<BoundCredential> {
    const parsed = parseServiceUrl(url);
    if ('error' in parsed) throw new Error(`The URL ${parsed.error}.`);
    const credential = { url: parsed.url, accessToken: accessToken.trim() };
    await this.secrets.store(this.keyOf(parsed.origin), JSON.stringify(credential));
    const others = (await this.hosts()).filter((origin) => origin !== parsed.origin);
    await this.secrets.store(this.indexKey, JSON.stringify([...others, parsed.origin]));
    return credential;
  }

  async clear(): Promise<void> {
    const origins = await this.hosts();
    await Promise.all(origins.map((origin) => this.secrets.delete(this.keyOf(origin))));
    await this.secrets.delete(this.indexKey);
  }
}
