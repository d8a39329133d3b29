import type { Db } from "@/lib/db/client";
import { byTrouble, toCard } from "./aggregate";
import { cardRows } from "./card-rows";
import { overridesByBreaker } from "./overrides";
import { emptySparkline, sparkKey, sparklines, sparklineStart } from "./sparklines";
import type { BreakerCard } from "./types";

/** The Breakers page: one card per (service, breaker) over its instances, trouble first. */
export async function listBreakerCards(db: Db, now = new Date()): Promise<BreakerCard[]> {
  return (await breakerCards(db, now)).sort(byTrouble);
}

/** The cards of every service or of one, unsorted. */
export async function breakerCards(db: Db, now: Date, service?: string): Promise<BreakerCard[]> {
  const [rows, overrides, lines] = await Promise.all([cardRows(db, now, service), overridesByBreaker(db, service), sparklines(db, now, service)]);
  const start = sparklineStart(now);
  return rows.map((row) => {
    const key = sparkKey(row.service, row.breaker);
    return toCard(row, overrides.get(key) ?? null, lines.get(key) ?? emptySparkline(start));
  });
}
