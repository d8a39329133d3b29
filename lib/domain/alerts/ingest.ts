import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { defineBatchedMutation, type BatchBounds, type BatchChange, type Pending } from "../batched-mutation";
import { alertmanagerInput, nativeAlertsInput, type IncomingAlert } from "./intake-input";
import { intakeRequests } from "./intake";
import type { Source } from "./open-occurrences";

/**
 * Payloads are written together (group commit), as reports are: a lone payload is written at once
 * (a page waits on it), and a batch gathers while the previous batch is being written, up to 64
 * payloads (each at most 1,000 alerts). Past `ALERTS_PENDING_BATCHES` batches waiting, a payload gets 503 with
 * Retry-After at once. Why: docs/ingestion.md.
 */
export function alertBatchBounds(): BatchBounds {
  return { maxBatch: 64, maxPendingBatches: env().ALERTS_PENDING_BATCHES, retryAfterSeconds: 2 };
}

/** A batch about one service may come from that service's token; any other needs a token scoped to `*`. */
function serviceOf(batch: IncomingAlert[]): string {
  const services = new Set(batch.map((a) => a.labels.service));
  const [only] = services;
  return services.size === 1 && only !== undefined ? only : "*";
}

function intakeOf(source: Source) {
  return async (tx: Db, batch: Pending<IncomingAlert[]>[]): Promise<BatchChange<{ accepted: number }>> => ({
    results: batch.map((p) => ({ accepted: p.input.length })),
    audits: [],
    events: await intakeRequests(
      tx,
      batch.map((p) => p.input),
      source,
    ),
  });
}

/**
 * Alerts are telemetry, so intake is not audited: a person's decisions about them (ack, resolve,
 * silence) are.
 */
export const ingestAlerts = defineBatchedMutation({
  action: "alert.ingest",
  permit: "service",
  people: "responder",
  input: nativeAlertsInput,
  target: () => null,
  service: serviceOf,
  bounds: alertBatchBounds,
  run: intakeOf("native"),
});

/** Alertmanager's webhook speaks for the whole fleet, so it needs a token scoped to `*` (or a responder). */
export const ingestAlertmanager = defineBatchedMutation({
  action: "alert.ingest",
  permit: "service",
  people: "responder",
  input: alertmanagerInput,
  target: () => null,
  service: () => "*",
  bounds: alertBatchBounds,
  run: intakeOf("alertmanager"),
});
