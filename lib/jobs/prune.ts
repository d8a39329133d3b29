import { lt, sql } from "drizzle-orm";
import { breakerMinutes } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

/** The sparkline shows 15 minutes; an hour is kept so a restart or a slow clock never leaves it empty. */
const KEEP_MINUTES = 60;

export async function pruneBreakerMinutes(db: Db): Promise<void> {
  await db.delete(breakerMinutes).where(lt(breakerMinutes.minute, sql`now() - make_interval(mins => ${KEEP_MINUTES})`));
}
