import { defineMutation } from "../mutation";
import { metricsBatch, serviceOf } from "./point-input";
import { writePoints } from "./write-points";

/** Metric points are telemetry: not audited, and a batch over the series cap writes nothing. */
export const ingestPoints = defineMutation({
  action: "metric.ingest",
  permit: "service",
  input: metricsBatch,
  target: () => null,
  service: serviceOf,
  async run(tx, points) {
    const { written, events } = await writePoints(tx, points, "refuse");
    return { result: { accepted: written }, audit: null, events };
  },
});
