import type { BatchBounds } from "../batched-mutation";
import { defineBatchedMutation } from "../batched-mutation";
import { applyReports } from "./apply-reports";
import { reportInput } from "./report-schema";

/**
 * Reports are written together (group commit): a batch gathers for at most `windowMs`, or while
 * the previous batch is being written, up to `maxBatch` reports in one transaction. Past
 * `maxPendingBatches` batches waiting, a report is refused at once with 503 and Retry-After.
 * The bounds and why they are what they are: docs/ingestion.md.
 */
export const REPORT_BATCH: BatchBounds = { windowMs: 2, maxBatch: 256, maxPendingBatches: 4, retryAfterSeconds: 2 };

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
  bounds: REPORT_BATCH,
  run: applyReports,
});
