import { db } from "@/lib/db/client";
import { listBreakerCards } from "@/lib/domain/breakers/list-breaker-cards";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", async () => ({ breakers: await listBreakerCards(db()) }));
