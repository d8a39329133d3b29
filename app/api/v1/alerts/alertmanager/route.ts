import { ingestAlertmanager } from "@/lib/domain/alerts/ingest";
import { writeRoute } from "@/lib/http/route";

export const POST = writeRoute(ingestAlertmanager, ({ body }) => body, 202);
