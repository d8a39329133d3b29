import { ingestReport } from "@/lib/domain/services/ingest-report";
import { writeRoute } from "@/lib/http/route";

export const POST = writeRoute(ingestReport, ({ body }) => body);
