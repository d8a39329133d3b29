import { db } from "@/lib/db/client";
import { ingestAlerts } from "@/lib/domain/alerts/ingest";
import { alertFilter, listAlerts } from "@/lib/domain/alerts/list-alerts";
import { readRoute, writeRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", async ({ query }) => listAlerts(db(), query), alertFilter);

export const POST = writeRoute(ingestAlerts, ({ body }) => body, 202);
