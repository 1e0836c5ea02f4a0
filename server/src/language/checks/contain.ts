// A bug in one check must not blind the workspace. Every check runs inside `contain`: an exception
// becomes one `internal-check-error` diagnostic (an error, so nothing is published or compiled as if
// the file were fine) on the file the check was reading, and every other check and file still gets
// its diagnostics. Before this, one half-typed sync block made `hslist check` print only "internal
// error" for every file and the language server stopped publishing diagnostics altogether.

import { diagnostic, type Diagnostic } from '@hslist/grammar';

export const INTERNAL_CHECK_ERROR = 'internal-check-error';

/** How an exception is named in a message: its class and first line, never a stack trace. */
export function describeException(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.split('\n')[0];
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The diagnostic that stands for a check that failed; at `span` (default: the start of the file). */
export function internalCheckError(check: string, error: unknown, span: { start: number; end: number } = { start: 0, end: 0 }): Diagnostic {
  const message =
    `The ${check} check failed on this file (${describeException(error)}), so its problems are not shown; ` +
    'the other checks ran. This is a bug in hslist: please report it with the file.';
  return diagnostic(INTERNAL_CHECK_ERROR, message, span);
}

/** `run()`, or one internal-check-error from `onError` when it throws. */
export function contain<T>(check: string, run: () => T[], onError: (d: Diagnostic) => T[], span?: { start: number; end: number }): T[] {
  try {
    return run();
  } catch (error) {
    return onError(internalCheckError(check, error, span));
  }
}
