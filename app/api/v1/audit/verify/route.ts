import { db } from "@/lib/db/client";
import { verifyChain, verifyChainFully } from "@/lib/domain/audit/verify";
import { verifyQuery } from "@/lib/domain/audit/verify-query";
import { ValidationError } from "@/lib/domain/errors";
import { issuesOf } from "@/lib/domain/validation";
import { readRoute } from "@/lib/http/route";

/** From the newest checkpoint by default (the badge); `full=true` from genesis, a bounded stretch per call. */
export const GET = readRoute("admin", async ({ req }) => {
  const parsed = verifyQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  return parsed.data.full ? verifyChainFully(db(), parsed.data.after) : verifyChain(db());
});
