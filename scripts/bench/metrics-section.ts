import { measureMetricIngest } from "./metrics-ingest";
import { measureMetricQueries } from "./metrics-query";
import { ms, type Section } from "./table";

const INGEST = { batches: 1_500, concurrency: 8 };

/** `npm run bench -- metrics`: intake beside a raw COPY, chart queries over 10 million points, retention. */
export const metricsSection: Section = async (stack, log) => {
  log(`metric intake: ${INGEST.batches} batches of 1,000 points, ${INGEST.concurrency} in flight, then the same rows by COPY`);
  const ingest = await measureMetricIngest(stack, INGEST);
  log("metric queries: seeding 10 million points over 7 days");
  const query = await measureMetricQueries(stack, log);
  const perSecond = (n: number) => `${Math.round(n).toLocaleString("en")}/s`;
  return [
    { figure: "metric intake, points/s (HTTP, 1,000 a batch)", value: perSecond(ingest.httpPointsPerSecond), target: "≥ 100,000/s", vsBaseline: `${(ingest.httpPointsPerSecond / ingest.copyRowsPerSecond).toFixed(2)} of COPY` },
    { figure: "raw COPY of the same rows (baseline)", value: perSecond(ingest.copyRowsPerSecond), target: "", vsBaseline: "1×" },
    { figure: "metric intake, lane CPU per 1,000 points", value: ms(ingest.laneCpuMsPerBatch), target: "", vsBaseline: "" },
    { figure: "metric intake, PostgreSQL CPU per 1,000 points", value: ms(ingest.databaseCpuMsPerBatch), target: "", vsBaseline: `raw COPY ${ms(ingest.copyDatabaseCpuMsPerBatch)}` },
    { figure: "metric intake, failed batches", value: String(ingest.failedBatches), target: "0", vsBaseline: "" },
    { figure: "rolling up the week into hours", value: `${query.rollUpSeconds.toFixed(1)} s`, target: "", vsBaseline: "" },
    { figure: "chart: 24 h of 1 series, p50 / p95", value: `${ms(query.oneSeriesDay.p50)} / ${ms(query.oneSeriesDay.p95)}`, target: "p95 ≤ 50 ms", vsBaseline: "" },
    { figure: "chart: 7 d of 100 series, p50 / p95", value: `${ms(query.hundredSeriesWeek.p50)} / ${ms(query.hundredSeriesWeek.p95)}`, target: "p95 ≤ 150 ms", vsBaseline: "" },
    { figure: `drop a day's partition (${query.droppedRows.toLocaleString("en")} points)`, value: ms(query.dropPartitionMs), target: "≤ 1 s", vsBaseline: "" },
  ];
};
