import { and, gt, lte, sql } from "drizzle-orm";
import { silences } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { matchesAll, type Labels, type Matcher } from "../routing/matchers";

export interface ActiveSilence {
  id: string;
  matchers: Matcher[];
}

export function activeSilences(db: Db): Promise<ActiveSilence[]> {
  return db
    .select({ id: silences.id, matchers: silences.matchers })
    .from(silences)
    .where(and(lte(silences.startsAt, sql`now()`), gt(silences.endsAt, sql`now()`)));
}

/** The ids of the silences matching these labels, in a stable order so an unchanged set compares equal. */
export function silencing(active: readonly ActiveSilence[], labels: Labels): string[] {
  return active
    .filter((s) => matchesAll(s.matchers, labels))
    .map((s) => s.id)
    .sort();
}
