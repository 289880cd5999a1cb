/** Maps offsets in a fragment's text to 1-based positions in the real file (Fragment.lineNumbers). */
export interface LineMap {
  position(offset: number): { line: number; column: number };
  /** The whole text line containing `offset` (inline allow comments are looked for there). */
  lineText(offset: number): string;
}

export function createLineMap(text: string, lineNumbers?: readonly number[]): LineMap {
  let starts: number[] | undefined;
  const lineStarts = (): number[] => {
    if (starts) return starts;
    starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  };
  const indexOf = (offset: number): number => {
    const list = lineStarts();
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (list[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return {
    position(offset) {
      const index = indexOf(offset);
      return { line: lineNumbers?.[index] ?? index + 1, column: offset - lineStarts()[index]! + 1 };
    },
    lineText(offset) {
      const index = indexOf(offset);
      const start = lineStarts()[index]!;
      const end = text.indexOf('\n', start);
      return text.slice(start, end === -1 ? text.length : end);
    },
  };
}
