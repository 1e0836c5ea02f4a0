// What the extension posts to the preview webview, and the check of what it gets back: plain data
// (no vscode import), so the texts and the view guard are unit-tested.

import type { PreviewStatus, PreviewSummary, RowsView } from '../../../server/src/lsp/preview/protocol';
import { publishedSection, sourceLine, statusSentence } from './published-text';

const VIEWS: readonly RowsView[] = ['matches', 'enter', 'leave'];

/** Only the three known views reach the server; anything else from the webview means the matches. */
export function viewOf(value: unknown): RowsView {
  return VIEWS.includes(value as RowsView) ? (value as RowsView) : 'matches';
}

/** The summary as the webview draws it: the texts are made here (published-text.ts). */
export function summaryMessage(summary: PreviewSummary): Record<string, unknown> {
  return {
    type: 'summary',
    summary,
    source: sourceLine(summary.status),
    statusText: statusSentence(summary.status),
    cancelled: summary.status?.state === 'cancelled',
    published: publishedSection(summary.published),
  };
}

/** When there is no summary (e.g. the data is not loaded), the status still says why and where from. */
export function statusMessage(error: string, status: PreviewStatus | undefined, name?: string): Record<string, unknown> {
  return {
    type: 'summary',
    ...(name ? { name } : {}),
    error: statusSentence(status) || error,
    source: sourceLine(status),
    cancelled: status?.state === 'cancelled',
  };
}
