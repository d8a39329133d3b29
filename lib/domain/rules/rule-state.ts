import type { RuleFields } from "./rule-input";

export interface RuleState {
  pendingSince: Date | null;
  firingSince: Date | null;
}

export function holds(value: number | null, comparator: RuleFields["comparator"], threshold: number): boolean {
  if (value === null) return false;
  switch (comparator) {
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
  }
}

/**
 * One evaluation, as Prometheus runs a rule: the condition must hold for `forSeconds` before the
 * alert fires; once it stops holding (or the metric has no points) a firing alert resolves.
 */
export function nextState(state: RuleState, holding: boolean, now: Date, forSeconds: number): { state: RuleState; change: "fire" | "resolve" | null } {
  if (!holding) return { state: { pendingSince: null, firingSince: null }, change: state.firingSince ? "resolve" : null };
  const pendingSince = state.pendingSince ?? now;
  if (state.firingSince) return { state: { pendingSince, firingSince: state.firingSince }, change: null };
  if (now.getTime() - pendingSince.getTime() >= forSeconds * 1000) return { state: { pendingSince, firingSince: now }, change: "fire" };
  return { state: { pendingSince, firingSince: null }, change: null };
}
