// Apply's progress on stderr: a redrawn bar on a terminal, nothing otherwise (the report follows).

import type { CliIo } from './context';

export function applyProgress(io: CliIo, tty: boolean): { update: (done: number, total: number, current: string) => void; done: () => void } {
  let shown = false;
  return {
    update: (done, total, current) => {
      if (!tty) return;
      const width = 24;
      const filled = Math.round((done / Math.max(1, total)) * width);
      io.err(`\r\x1b[KApplying [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${current.slice(0, 40)}`);
      shown = true;
    },
    done: () => {
      if (shown) io.err('\r\x1b[K');
    },
  };
}
