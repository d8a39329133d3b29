import { defineMutation } from "../mutation";
import { alertmanagerInput, nativeAlertsInput, type IncomingAlert } from "./intake-input";
import { intake } from "./intake";

/** A batch about one service may come from that service's token; any other needs a token scoped to `*`. */
function serviceOf(batch: IncomingAlert[]): string {
  const services = new Set(batch.map((a) => a.labels.service));
  const [only] = services;
  return services.size === 1 && only !== undefined ? only : "*";
}

/**
 * Alerts are telemetry, so intake is not audited: a person's decisions about them (ack, resolve,
 * silence) are.
 */
export const ingestAlerts = defineMutation({
  action: "alert.ingest",
  permit: "service",
  people: "responder",
  input: nativeAlertsInput,
  target: () => null,
  service: serviceOf,
  async run(tx, batch) {
    return { result: { accepted: batch.length }, audit: null, events: await intake(tx, batch, "native") };
  },
});

/** Alertmanager's webhook speaks for the whole fleet, so it needs a token scoped to `*` (or a responder). */
export const ingestAlertmanager = defineMutation({
  action: "alert.ingest",
  permit: "service",
  people: "responder",
  input: alertmanagerInput,
  target: () => null,
  service: () => "*",
  async run(tx, batch) {
    return { result: { accepted: batch.length }, audit: null, events: await intake(tx, batch, "alertmanager") };
  },
});
