import { db } from "@/lib/db/client";
import { parseOrRefuse } from "@/lib/domain/config/inputs";
import { createSchedule } from "@/lib/domain/schedules/create";
import { schedulesQuery } from "@/lib/domain/schedules/inputs";
import { listSchedules } from "@/lib/domain/schedules/list";
import { readRoute, writeRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", ({ req }) => listSchedules(db(), parseOrRefuse(schedulesQuery, Object.fromEntries(new URL(req.url).searchParams))));

export const POST = writeRoute(createSchedule, ({ body }) => body, 201);
