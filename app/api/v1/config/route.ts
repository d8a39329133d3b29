import { db } from "@/lib/db/client";
import { configOverview } from "@/lib/domain/config/overview";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", () => configOverview(db()));
