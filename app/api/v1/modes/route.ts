import { db } from "@/lib/db/client";
import { listModes } from "@/lib/domain/modes/list-modes";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", async () => ({ services: await listModes(db()) }));
