import { db } from "@/lib/db/client";
import { heavyRead } from "@/lib/db/heavy-read";
import { queryMetrics } from "@/lib/domain/metrics/query";
import { metricsQuery } from "@/lib/domain/metrics/query-input";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute(
  "viewer",
  async ({ query }) => {
    const body = await heavyRead(db(), (tx) => queryMetrics(tx, query));
    return new Response(body, { headers: { "content-type": "application/json" } });
  },
  metricsQuery,
);
