import { createHash } from "node:crypto";
import type { Labels } from "../routing/matchers";

/** The identity of an alert: a stable hash of its label set, independent of the order labels came in. */
export function fingerprintOf(labels: Labels): string {
  const pairs = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256").update(JSON.stringify(pairs)).digest("hex").slice(0, 16);
}
