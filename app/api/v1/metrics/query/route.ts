import { db } from "@/lib/db/client";
import { parseParams } from "@/lib/domain/metrics/parse-params";
import { queryMetrics } from "@/lib/domain/metrics/query";
import { metricsQuery } from "@/lib/domain/metrics/query-input";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", async ({ req }) => {
  const body = await queryMetrics(db(), parseParams(metricsQuery, req.url));
  return new Response(body, { headers: { "content-type": "application/json" } });
});
