import { db } from "@/lib/db/client";
import { ingestAlerts } from "@/lib/domain/alerts/ingest";
import { alertFilter, filterParams, listAlerts } from "@/lib/domain/alerts/list-alerts";
import { ValidationError } from "@/lib/domain/errors";
import { issuesOf } from "@/lib/domain/validation";
import { readRoute, writeRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", async ({ req }) => {
  const parsed = alertFilter.safeParse(filterParams(new URL(req.url).searchParams));
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  return listAlerts(db(), parsed.data);
});

export const POST = writeRoute(ingestAlerts, ({ body }) => body, 202);
