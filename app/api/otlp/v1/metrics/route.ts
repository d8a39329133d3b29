import { ingestOtlp } from "@/lib/domain/metrics/ingest-otlp";
import { writeRoute } from "@/lib/http/route";

/** OTLP/HTTP with JSON encoding: an OpenTelemetry exporter given the base URL `…/api/otlp` posts here. */
export const POST = writeRoute(ingestOtlp, ({ body }) => body);
