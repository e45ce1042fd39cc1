/**
 * Ctrl-C in a `dev` session: the first stops the session after the build under way; another, later, stops it at
 * once. One Ctrl-C often arrives twice: the terminal sends SIGINT to every process of its group, and a parent that
 * forwards it (npm run, dev/young-generation.ts) sends it again a few milliseconds later.
 */

/** How long after a Ctrl-C another SIGINT is the same one (ms). */
export const SAME_CTRL_C_MS = 500;

/** What a SIGINT means, as {@link classifyInterrupts} tells. */
export type Interrupt = 'stop' | 'same' | 'again';

/**
 * A function to call at each SIGINT that says what it means: `stop` for the first, `same` for one within
 * {@link SAME_CTRL_C_MS} of the first, `again` for a later one.
 * @param now the clock, ms (default performance.now; tests give their own)
 */
export function classifyInterrupts(now: () => number = () => performance.now()): () => Interrupt {
  let first: number | null = null;
  return () => {
    if (first === null) {
      first = now();
      return 'stop';
    }
    return now() - first < SAME_CTRL_C_MS ? 'same' : 'again';
  };
}
