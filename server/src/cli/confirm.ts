// A yes/no question on the terminal (stderr, so stdout stays the report). Only "y" or "yes" is a yes.

import { createInterface } from 'node:readline/promises';

export async function terminalConfirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}
