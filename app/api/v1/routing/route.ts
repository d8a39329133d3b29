import { db } from "@/lib/db/client";
import { currentRouting } from "@/lib/domain/routing/current-routing";
import { publishRouting } from "@/lib/domain/routing/publish-routing";
import { readRoute, writeRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", () => currentRouting(db()));

export const PUT = writeRoute(publishRouting, ({ body }) => body);
