import { db } from "@/lib/db/client";
import { changeRequestsQuery } from "@/lib/domain/config/change-requests/inputs";
import { listChangeRequests } from "@/lib/domain/config/change-requests/list";
import { parseOrRefuse } from "@/lib/domain/config/inputs";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", ({ req }) => listChangeRequests(db(), parseOrRefuse(changeRequestsQuery, Object.fromEntries(new URL(req.url).searchParams))));
