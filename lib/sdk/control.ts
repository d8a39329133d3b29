import { z } from "zod";
import type { ControlDocument, ControlMode, ControlOverride } from "./types";

const text = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

const controlSchema = z.object({
  service: z.string(),
  revision: z.number(),
  mode: z.object({
    desired: z.string(),
    source: z.enum(["automatic", "manual"]),
    reason: text,
    setBy: text,
    expiresAt: text,
  }),
  breakers: z
    .record(z.string(), z.object({ override: z.enum(["forced_open", "forced_closed", "none"]), reason: text, expiresAt: text }))
    .default({}),
  config: z.record(z.string(), z.object({ version: z.number() })).default({}),
});

/** A control document from the console, or null when it is not one (an instance must never crash on a bad answer). */
export function parseControl(raw: unknown): ControlDocument | null {
  const parsed = controlSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** What an instance obeys right now: the console's manual choices that have not expired. */
export interface EffectiveControl {
  manualMode: ControlMode | null;
  overrides: Record<string, ControlOverride>;
  /** When the next of these expires (ms since the epoch), to re-evaluate then. */
  nextExpiry: number | null;
}

/**
 * Expiry is honoured locally as well as by the console, so an override set "for 15 minutes" ends
 * on time even while the instance cannot reach the console.
 */
export function effectiveControl(doc: ControlDocument | null, now: number): EffectiveControl {
  let nextExpiry: number | null = null;
  const live = (expiresAt: string | null) => {
    if (expiresAt === null) return true;
    const at = Date.parse(expiresAt);
    if (Number.isNaN(at)) return true;
    if (at <= now) return false;
    nextExpiry = nextExpiry === null ? at : Math.min(nextExpiry, at);
    return true;
  };
  const manualMode = doc && doc.mode.source === "manual" && live(doc.mode.expiresAt) ? doc.mode : null;
  const overrides: Record<string, ControlOverride> = {};
  for (const [name, entry] of Object.entries(doc?.breakers ?? {})) {
    if (entry.override !== "none" && live(entry.expiresAt)) overrides[name] = entry;
  }
  return { manualMode, overrides, nextExpiry };
}

/** The breakers whose override differs between two effective controls, with the override each has now. */
export function overrideChanges(
  before: Record<string, ControlOverride>,
  after: Record<string, ControlOverride>,
): Array<{ breaker: string; entry: ControlOverride }> {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: Array<{ breaker: string; entry: ControlOverride }> = [];
  for (const breaker of names) {
    const entry = after[breaker] ?? { override: "none", reason: null, expiresAt: null };
    if ((before[breaker]?.override ?? "none") !== entry.override) changes.push({ breaker, entry });
  }
  return changes;
}
