import { db } from "@/lib/db/client";
import { incidentQuery } from "@/lib/domain/incidents/incident-input";
import { listIncidents } from "@/lib/domain/incidents/list-incidents";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", async ({ query }) => listIncidents(db(), query), incidentQuery);
