import { db } from "@/lib/db/client";
import { listServices } from "@/lib/domain/services/list-services";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", async () => ({ services: await listServices(db()) }));
