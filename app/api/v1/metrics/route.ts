import { ingestPoints } from "@/lib/domain/metrics/ingest-points";
import { writeRoute } from "@/lib/http/route";

export const POST = writeRoute(ingestPoints, ({ body }) => body, 202);
