// Loading progress on stderr: a redrawn bar when stderr is a terminal, plain lines otherwise (one per
// finished phase), so logs of CI runs stay readable.

import type { Progress } from '../preview/hubspot/fetch-contacts';
import { finishedText, phaseName, progressText as describe, progressVerb as verb } from '../preview/progress-text';

export interface ProgressReporter {
  update(p: Progress): void;
  /** Ends the display (clears the bar; prints the last phase's line). */
  done(): void;
}

export function progressReporter(write: (text: string) => void, tty: boolean): ProgressReporter {
  return tty ? barReporter(write) : lineReporter(write);
}

function barReporter(write: (text: string) => void): ProgressReporter {
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 80 && p.total !== p.done) return;
      last = now;
      const width = 24;
      const filled = p.total ? Math.min(width, Math.round((p.done / Math.max(1, p.total)) * width)) : 0;
      const bar = p.total ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
      write(`\r\x1b[K${verb(p)} ${bar}${describe(p)}`);
      shown = true;
    },
    done() {
      if (shown) write('\r\x1b[K');
    },
  };
}

function lineReporter(write: (text: string) => void): ProgressReporter {
  let current: Progress | undefined;
  const flush = () => {
    if (current && current.phase !== 'saving') write(`${finishedText(current)}\n`);
  };
  return {
    update(p) {
      if (!current || current.phase !== p.phase) {
        flush();
        write(`${verb(p)} ${phaseName(p)}…\n`);
      }
      current = p;
    },
    done() {
      flush();
      current = undefined;
    },
  };
}
