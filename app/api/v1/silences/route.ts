import { db } from "@/lib/db/client";
import { listSilences } from "@/lib/domain/silences/list-silences";
import { createSilence } from "@/lib/domain/silences/save-silence";
import { readRoute, writeRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", () => listSilences(db()));

export const POST = writeRoute(createSilence, ({ body }) => body, 201);
