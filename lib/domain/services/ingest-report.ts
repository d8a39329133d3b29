import { env } from "@/lib/env";
import { defineBatchedMutation, type BatchBounds } from "../batched-mutation";
import { applyReports } from "./apply-reports";
import { reportInput } from "./report-schema";

/**
 * Reports are written together (group commit): a lone report is written at once, and a batch
 * gathers while the previous batch is being written, up to `REPORT_BATCH_MAX` reports in one transaction. Past
 * `REPORT_PENDING_BATCHES` batches waiting, a report is refused at once with 503 and Retry-After.
 * The bounds and why they are what they are: docs/ingestion.md.
 */
export function reportBatchBounds(): BatchBounds {
  const config = env();
  return { maxBatch: config.REPORT_BATCH_MAX, maxPendingBatches: config.REPORT_PENDING_BATCHES, retryAfterSeconds: 2 };
}

/**
 * One instance's report. Telemetry, not a decision: it is audited only when the instance first
 * appears or its health changes, and it notifies browsers only when something they show changed.
 * It runs for every instance every few seconds, so a whole batch of them shares a handful of statements.
 */
export const ingestReport = defineBatchedMutation({
  action: "service.report",
  permit: "service",
  input: reportInput,
  target: (i) => `instance:${i.service}/${i.instance}`,
  service: (i) => i.service,
  bounds: reportBatchBounds,
  run: applyReports,
});
