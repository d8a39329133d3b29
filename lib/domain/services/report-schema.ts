import { z } from "zod";
import { breakerStateValues } from "@/drizzle/schema/breakers";
import { healthStatuses } from "@/drizzle/schema/services";

export const serviceName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][\w.-]*$/, "letters, digits and . _ - only, starting with a letter or digit");

export const breakerStates = breakerStateValues;

const count = z.number().int().nonnegative();
const latency = z.object({ p50: z.number().nonnegative(), p95: z.number().nonnegative(), p99: z.number().nonnegative() }).partial();

export const breakerSnapshot = z.object({
  name: z.string().trim().min(1).max(100),
  state: z.enum(breakerStates),
  failures: count.optional(),
  successes: count.optional(),
  rejects: count.optional(),
  timeouts: count.optional(),
  fallbacks: count.optional(),
  failureRate: z.number().min(0).max(1).optional(),
  latencyMs: latency.optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export const reportInput = z.object({
  service: serviceName,
  instance: z.string().trim().min(1).max(200),
  environment: z.string().trim().min(1).max(50).default("production"),
  mode: z.string().trim().min(1).max(64).optional(),
  automaticMode: z.string().trim().min(1).max(64).optional(),
  modes: z.array(z.string().trim().min(1).max(64)).min(1).max(32).optional(),
  configVersion: z.number().int().nonnegative().optional(),
  /** The control revision the instance has applied: its proof that a change reached it. */
  controlRevision: z.number().int().nonnegative().optional(),
  health: z
    .object({ status: z.enum(healthStatuses), checks: z.record(z.string().max(100), z.string().max(200)).optional() })
    .optional(),
  queueDepth: count.optional(),
  breakers: z.array(breakerSnapshot).max(200).optional(),
  metrics: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        kind: z.enum(["counter", "gauge", "histogram"]),
        value: z.number(),
        tags: z.record(z.string(), z.string()).optional(),
      }),
    )
    .max(5000)
    .optional(),
});

export type ReportInput = z.output<typeof reportInput>;
