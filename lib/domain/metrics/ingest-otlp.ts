import { defineMutation } from "../mutation";
import { otlpInput } from "./otlp-input";
import { serviceOf } from "./point-input";
import { writePoints } from "./write-points";

/**
 * OpenTelemetry metrics over OTLP/HTTP with JSON encoding. Answers as an OTLP collector does: the
 * points it could not store are counted in `partialSuccess`, and a malformed request is refused
 * whole (400) with nothing written.
 */
export const ingestOtlp = defineMutation({
  action: "metric.ingest",
  permit: "service",
  input: otlpInput,
  target: () => null,
  service: (batch) => serviceOf(batch.points),
  async run(tx, batch) {
    const { events } = await writePoints(tx, batch.points, "refuse");
    const partialSuccess = batch.rejected > 0 ? { rejectedDataPoints: batch.rejected, errorMessage: batch.reasons.join("; ") } : {};
    return { result: { partialSuccess }, audit: null, events };
  },
});
