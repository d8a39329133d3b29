/** After this many attempts a delivery is given up and marked failed. */
export const MAX_ATTEMPTS = 8;

const BASE_MS = 1_000;
const CAP_MS = 10 * 60_000;

/**
 * The wait before retrying after the `attempt`-th failure: doubling from one second up to ten
 * minutes, half of it random so receivers coming back are not hit by every process at once.
 */
export function retryDelayMs(attempt: number, random = Math.random()): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
