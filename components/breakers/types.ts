import type { ActionResult } from "@/components/ui/action-result";
import type { BreakerCard } from "@/lib/domain/breakers/types";

export type OverrideChoice = "forced_open" | "forced_closed" | "none";

export interface OverrideRequest {
  service: string;
  breaker: string;
  override: OverrideChoice;
  reason: string;
  expiresAt: string | null;
}

/** The server action the Breakers pages hand to their controls. */
export interface BreakerActions {
  overrideBreaker(input: OverrideRequest): Promise<ActionResult<null>>;
}

export interface BreakersPage {
  breakers: BreakerCard[];
}

/** What an operator is about to do to which breaker, while the dialog asks why. */
export interface PendingOverride {
  card: BreakerCard;
  override: OverrideChoice;
}

export const breakersKey = ["breaker", "list"] as const;

export function serviceBreakersKey(service: string) {
  return ["breaker", "service", service] as const;
}

export function breakerHref(service: string, breaker: string): string {
  return `/breakers/${encodeURIComponent(service)}/${encodeURIComponent(breaker)}`;
}
