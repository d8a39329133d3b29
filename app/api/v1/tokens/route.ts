import { db } from "@/lib/db/client";
import { createToken, listTokens } from "@/lib/domain/access/service-tokens";
import { readRoute, writeRoute } from "@/lib/http/route";

export const GET = readRoute("admin", async () => ({ tokens: await listTokens(db()) }));

export const POST = writeRoute(createToken, ({ body }) => body, 201);
