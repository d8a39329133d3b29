import { db } from "@/lib/db/client";
import { annotationsQuery } from "@/lib/domain/metrics/annotation-input";
import { listAnnotations } from "@/lib/domain/metrics/annotations";
import { parseParams } from "@/lib/domain/metrics/parse-params";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", async ({ req }) => {
  const { service, from, to } = parseParams(annotationsQuery, req.url);
  return { annotations: await listAnnotations(db(), service, from, to) };
});
