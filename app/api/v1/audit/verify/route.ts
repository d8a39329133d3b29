import { db } from "@/lib/db/client";
import { verifyChain, verifyChainFully } from "@/lib/domain/audit/verify";
import { verifyQuery } from "@/lib/domain/audit/verify-query";
import { readRoute } from "@/lib/http/route";

/** From the newest checkpoint by default (the badge); `full=true` from genesis, a bounded stretch per call. */
export const GET = readRoute("admin", async ({ query }) => (query.full ? verifyChainFully(db(), query.after) : verifyChain(db())), verifyQuery);
