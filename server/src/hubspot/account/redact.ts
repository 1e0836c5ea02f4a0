// Secrets never reach a message, a log line or a file: every string that leaves the account layer
// passes through `redact`, which replaces each registered secret with ***.

const secrets = new Set<string>();

/** Registers a secret (an access token) to be hidden from every later `redact` call in this process. */
export function registerSecret(secret: string): void {
  if (secret.length >= 4) secrets.add(secret);
}

export function redact(text: string, extraSecrets: readonly string[] = []): string {
  let result = text;
  for (const secret of [...secrets, ...extraSecrets]) {
    if (secret.length > 0) result = result.split(secret).join('***');
  }
  return result;
}
