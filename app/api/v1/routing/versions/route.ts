import { db } from "@/lib/db/client";
import { listRoutingVersions } from "@/lib/domain/routing/routing-versions";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", () => listRoutingVersions(db()));
