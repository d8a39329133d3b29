import { db } from "@/lib/db/client";
import { alertCounts } from "@/lib/domain/alerts/list-alerts";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", () => alertCounts(db()));
