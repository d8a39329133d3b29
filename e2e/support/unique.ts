import { randomBytes } from "node:crypto";

/** A name no other test of the run uses, so tests share one console or database without seeing each other's rows. */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}
