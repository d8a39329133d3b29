import { db } from "@/lib/db/client";
import { listMetricServices } from "@/lib/domain/metrics/catalog";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", () => listMetricServices(db()));
