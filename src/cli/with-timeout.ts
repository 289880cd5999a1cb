import { GitwardError } from '../errors/index.js';

/**
 * Races work against a deadline. On the server a hook that hangs holds the pusher and the repo
 * lock, so the deadline turns into a TIMEOUT rejection; `bin.ts` exits right after printing,
 * which also ends any git child still running.
 */
export function withTimeout<T>(work: () => Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GitwardError('TIMEOUT', `${what} did not finish within ${Math.round(ms / 1000)} s`, {
      hint: 'Push fewer commits at once, or ask the admin to raise `timeout` in the server policy.',
    })), ms);
  });
  return Promise.race([work(), deadline]).finally(() => clearTimeout(timer));
}
