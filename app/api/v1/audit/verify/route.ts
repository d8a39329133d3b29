import { db } from "@/lib/db/client";
import { verifyChain } from "@/lib/domain/audit/verify";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("admin", () => verifyChain(db()));
