import { db } from "@/lib/db/client";
import { annotationsQuery } from "@/lib/domain/metrics/annotation-input";
import { listAnnotations } from "@/lib/domain/metrics/annotations";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", async ({ query: { service, from, to } }) => ({ annotations: await listAnnotations(db(), service, from, to) }), annotationsQuery);
