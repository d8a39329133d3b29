import { ingestBreakerEvents } from "@/lib/domain/breakers/ingest-events";
import { writeRoute } from "@/lib/http/route";

export const POST = writeRoute(ingestBreakerEvents, ({ body }) => body, 202);
