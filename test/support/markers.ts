// Test text with markers, so tests read like the language:
//   `<|>`      the cursor (at most one)
//   `⟦ ... ⟧`  ranges, numbered in order of their opening marker
// The markers are removed; offsets refer to the clean text.

export interface Marked {
  text: string;
  cursor: number | undefined;
  ranges: { start: number; end: number }[];
}

export function marked(source: string): Marked {
  let text = '';
  let cursor: number | undefined;
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('<|>', i)) {
      if (cursor !== undefined) throw new Error('marked(): more than one <|> cursor');
      cursor = text.length;
      i += 2;
    } else if (source[i] === '⟦') {
      open.push(ranges.length);
      ranges.push({ start: text.length, end: -1 });
    } else if (source[i] === '⟧') {
      const index = open.pop();
      if (index === undefined) throw new Error(`marked(): ⟧ without ⟦ at ${i}`);
      ranges[index].end = text.length;
    } else {
      text += source[i];
    }
  }
  if (open.length > 0) throw new Error('marked(): unclosed ⟦');
  return { text, cursor, ranges };
}
