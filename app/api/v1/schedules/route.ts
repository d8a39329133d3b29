import { db } from "@/lib/db/client";
import { createSchedule } from "@/lib/domain/schedules/create";
import { schedulesQuery } from "@/lib/domain/schedules/inputs";
import { listSchedules } from "@/lib/domain/schedules/list";
import { readRoute, writeRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", ({ query }) => listSchedules(db(), query), schedulesQuery);

export const POST = writeRoute(createSchedule, ({ body }) => body, 201);
