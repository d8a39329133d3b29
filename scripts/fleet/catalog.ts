import type { Script } from "./scenario";

export interface DependencySpec {
  name: string;
  /** The service cannot do its main job without it. */
  critical: boolean;
  /** Work for it can wait in a local queue (writes, ingestion, charges) rather than fail. */
  queueable?: boolean;
  /** The caller has something else to answer with (a cache miss goes to the database). */
  fallback?: boolean;
  medianLatencyMs: number;
  timeoutMs: number;
  resetTimeoutMs: number;
  callsPerSecond: number;
  script: Script;
}

export interface ServiceSpec {
  name: string;
  instances: number;
  /** Declared modes, mildest first; the default ladder when absent. */
  modes?: string[];
  dependencies: DependencySpec[];
}

const openai = { name: "openai", medianLatencyMs: 350, timeoutMs: 4_000, resetTimeoutMs: 15_000, callsPerSecond: 2 };
const postgres = { name: "postgres", medianLatencyMs: 8, timeoutMs: 500, resetTimeoutMs: 10_000, callsPerSecond: 4 };
const redis = { name: "redis", medianLatencyMs: 2, timeoutMs: 200, resetTimeoutMs: 10_000, callsPerSecond: 4, fallback: true };

/** The simulated fleet: real workloads, each with its own troubles, cycling every four to six minutes. */
export const fleet: ServiceSpec[] = [
  {
    name: "llm-gateway",
    instances: 3,
    dependencies: [
      { ...openai, critical: true, script: [["healthy", 8], ["outage", 80], ["recovering", 30], ["healthy", 150]] },
      { ...openai, name: "anthropic", critical: false, fallback: true, script: [["healthy", 140], ["slow", 60], ["healthy", 90]] },
    ],
  },
  {
    name: "rag-api",
    instances: 3,
    dependencies: [
      { ...openai, critical: true, script: [["healthy", 25], ["slow", 45], ["outage", 70], ["recovering", 30], ["healthy", 120]] },
      { ...postgres, critical: true, script: [["healthy", 220], ["flaky", 40], ["healthy", 60]] },
      { ...redis, critical: false, script: [["healthy", 150], ["outage", 35], ["healthy", 115]] },
    ],
  },
  {
    name: "upload-service",
    instances: 2,
    dependencies: [
      { name: "s3", critical: true, queueable: true, medianLatencyMs: 60, timeoutMs: 2_000, resetTimeoutMs: 10_000, callsPerSecond: 3, script: [["healthy", 50], ["outage", 60], ["recovering", 20], ["healthy", 170]] },
      { ...postgres, critical: true, script: [["healthy", 300]] },
    ],
  },
  {
    name: "graph-ingest",
    instances: 2,
    dependencies: [
      { name: "neo4j", critical: true, queueable: true, medianLatencyMs: 40, timeoutMs: 1_500, resetTimeoutMs: 12_000, callsPerSecond: 3, script: [["healthy", 30], ["slow", 80], ["outage", 45], ["recovering", 25], ["healthy", 120]] },
      { ...openai, name: "embeddings", critical: false, script: [["healthy", 200], ["flaky", 50], ["healthy", 50]] },
    ],
  },
  {
    name: "auth-service",
    instances: 2,
    modes: ["normal", "reduced_performance", "emergency"],
    dependencies: [
      { ...postgres, critical: true, script: [["healthy", 260], ["slow", 40]] },
      { ...redis, critical: false, script: [["healthy", 90], ["outage", 40], ["healthy", 170]] },
    ],
  },
  {
    name: "billing-worker",
    instances: 2,
    dependencies: [
      { name: "stripe", critical: true, queueable: true, medianLatencyMs: 250, timeoutMs: 3_000, resetTimeoutMs: 15_000, callsPerSecond: 2, script: [["healthy", 110], ["flaky", 50], ["outage", 45], ["recovering", 30], ["healthy", 45]] },
      { ...postgres, critical: true, script: [["healthy", 280]] },
    ],
  },
];
