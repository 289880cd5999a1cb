/** ANSI styles for text output. A no-op painter when colour is off, so callers never branch. */
export interface Painter {
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  bold: (s: string) => string;
  dim: (s: string) => string;
}

const style = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string) => s;

export function painter(color: boolean): Painter {
  if (!color) return { red: plain, yellow: plain, green: plain, bold: plain, dim: plain };
  return { red: style(31, 39), yellow: style(33, 39), green: style(32, 39), bold: style(1, 22), dim: style(2, 22) };
}
