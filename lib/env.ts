import "server-only";
import { z } from "zod";
import { parseTrustedProxies } from "./http/client-address";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  // The owner of the tables, which runs the migrations; DATABASE_URL is then the runtime role.
  DATABASE_MIGRATION_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SERVICE_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  LANE_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(256),
  LANE_MAX_LOOP_DELAY_MS: z.coerce.number().int().min(1).default(200),
  REPORT_BATCH_MAX: z.coerce.number().int().min(1).max(5_000).default(256),
  REPORT_PENDING_BATCHES: z.coerce.number().int().min(1).max(100).default(4),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  BREAKWATER_DEMO: flag.optional(),
  BREAKWATER_URL: z.url({ protocol: /^https?$/ }).optional(),
  NEXTAUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  METRICS_RETENTION_DAYS: z.coerce.number().int().min(1).max(400).default(14),
  METRICS_SERIES_PER_SERVICE: z.coerce.number().int().min(1).default(10_000),
  ALERTS_OPEN_PER_SERVICE: z.coerce.number().int().min(1).default(5_000),
  ALERTS_PENDING_BATCHES: z.coerce.number().int().min(1).max(100).default(4),
  OUTBOUND_ALLOW_PRIVATE: flag.default(false),
  // Longer than a send may take (10 s), or a live sender's claim would lapse mid-send and the row go out twice.
  DELIVERY_CLAIM_SECONDS: z.coerce.number().int().min(11).default(120),
  HEAVY_READ_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(5_000),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, issue) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        issue.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  INCIDENT_QUIET_SECONDS: z.coerce.number().int().min(1).default(600),
  AUDIT_ANCHOR_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

let parsed: Env | undefined;

/** The validated configuration; the only place that reads process.env. */
export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  parsed = result.data;
  return parsed;
}

/** The service lane's port: `SERVICE_PORT`, else the console's port plus one. */
export function servicePort(): number {
  const config = env();
  return config.SERVICE_PORT ?? config.PORT + 1;
}

/** The database URL, which start-up always provides (embedded or external). */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new EnvError("DATABASE_URL is not set: start the console with `npm start`.");
  return url;
}

export function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new EnvError("AUTH_SECRET is not set: start the console with `npm start`.");
  return secret;
}

/** The console's own origin as browsers see it (next-auth's NEXTAUTH_URL), when configured. */
export function consoleOrigin(): string | null {
  const url = env().NEXTAUTH_URL;
  return url ? new URL(url).origin : null;
}
