import { db } from "@/lib/db/client";
import { changeRequestsQuery } from "@/lib/domain/config/change-requests/inputs";
import { listChangeRequests } from "@/lib/domain/config/change-requests/list";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", ({ query }) => listChangeRequests(db(), query), changeRequestsQuery);
