import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { tokens, users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

/** Which of these token hashes may still act: the token's row exists and its person, if any, is not disabled. */
export async function liveTokenHashes(db: Db, hashes: string[]): Promise<string[]> {
  const rows = await db
    .select({ hash: tokens.hash })
    .from(tokens)
    .leftJoin(users, eq(users.id, tokens.userId))
    .where(and(inArray(tokens.hash, hashes), or(isNull(tokens.userId), eq(users.disabled, false))));
  return rows.map((r) => r.hash);
}
