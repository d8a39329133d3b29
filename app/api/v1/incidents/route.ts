import { db } from "@/lib/db/client";
import { parseOrRefuse } from "@/lib/domain/config/inputs";
import { incidentQuery } from "@/lib/domain/incidents/incident-input";
import { listIncidents } from "@/lib/domain/incidents/list-incidents";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", async ({ req }) => listIncidents(db(), parseOrRefuse(incidentQuery, Object.fromEntries(new URL(req.url).searchParams))));
