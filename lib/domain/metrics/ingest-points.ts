import { defineBatchedMutation, type BatchBounds } from "../batched-mutation";
import { metricsBatch, serviceOf } from "./point-input";
import { writePoints } from "./write-points";

/**
 * Concurrent batches are written together (group commit): those that arrive while the previous
 * write runs share the next transaction, up to 8, so their points go in one COPY with one commit
 * instead of a transaction each. Past 4 such writes waiting, a batch is refused with 503 and Retry-After.
 */
function metricBatchBounds(): BatchBounds {
  return { maxBatch: 8, maxPendingBatches: 4, retryAfterSeconds: 2 };
}

/**
 * Metric points are telemetry: not audited. A batch over its service's series cap writes nothing
 * (429); written beside others, it fails alone when they are retried one by one.
 */
export const ingestPoints = defineBatchedMutation({
  action: "metric.ingest",
  permit: "service",
  input: metricsBatch,
  target: () => null,
  service: serviceOf,
  bounds: metricBatchBounds,
  async run(tx, batch) {
    const { events } = await writePoints(tx, batch.flatMap((p) => p.input), "refuse");
    return { results: batch.map((p) => ({ accepted: p.input.length })), audits: [], events };
  },
});
