import { eq } from "drizzle-orm";
import { breakerOverrides } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { sparkKey } from "./sparklines";
import type { BreakerOverride } from "./types";

/** The overrides in force, keyed like the sparklines by service and breaker. */
export async function overridesByBreaker(db: Db, service?: string): Promise<Map<string, BreakerOverride>> {
  const query = db.select().from(breakerOverrides);
  const rows = await (service ? query.where(eq(breakerOverrides.service, service)) : query);
  return new Map(
    rows.map((r) => [
      sparkKey(r.service, r.breaker),
      { override: r.override, reason: r.reason, setBy: r.setBy, setAt: r.setAt.toISOString(), expiresAt: r.expiresAt?.toISOString() ?? null },
    ]),
  );
}
