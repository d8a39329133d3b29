/** The ladder a service runs when it declares none, mildest first. */
export const defaultModes = ["normal", "reduced_performance", "selective_processing", "local_queue", "memory_constrained", "emergency"] as const;

export const NORMAL = "normal";

export function declaredModes(declared: string[] | null): string[] {
  return declared && declared.length > 0 ? declared : [...defaultModes];
}

/**
 * The fleet's own choice: the automatic mode most live instances chose. A tie goes to the more
 * degraded mode of the ladder, since instances that chose it saw a reason to.
 */
export function mostCommonMode(choices: (string | null)[], ladder: string[]): string {
  const counts = new Map<string, number>();
  for (const choice of choices) if (choice) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [mode, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && severity(mode, ladder) > severity(best, ladder))) {
      best = mode;
      bestCount = count;
    }
  }
  return best ?? NORMAL;
}

function severity(mode: string, ladder: string[]): number {
  const index = ladder.indexOf(mode);
  return index === -1 ? -1 : index;
}
