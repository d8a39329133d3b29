import { connect } from "@/lib/db/client";
import { publishConfig } from "@/lib/domain/config/publish";
import { currentVersionOf } from "@/lib/domain/config/read-version";
import { systemCtx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import type { ServiceSpec } from "./catalog";

const environment = "production";

/** The body instances apply: each dependency's call rate, and a database secret to show masking with. */
export function demoConfig(service: ServiceSpec): Record<string, unknown> {
  return {
    dependencies: Object.fromEntries(service.dependencies.map((d) => [d.name, { callsPerSecond: d.callsPerSecond }])),
    database: { host: `${service.name}-db.internal`, user: service.name, password: `demo-${service.name}-secret` },
  };
}

/** Publishes a first production config for each demo service that has none, as the console's own setup. */
export async function seedDemoConfig(databaseUrl: string, services: ServiceSpec[]): Promise<void> {
  const { db, close } = connect(databaseUrl, 1);
  try {
    for (const service of services) {
      if ((await currentVersionOf(db, service.name, environment)) > 0) continue;
      const input = { service: service.name, environment, body: demoConfig(service), message: "Demo fleet's first config", expectedVersion: 0 };
      // Another start-up racing this one has published it: that is the same outcome.
      await publishConfig(systemCtx("demo-fleet"), input, db).catch((error: unknown) => {
        if (!(error instanceof Conflict)) throw error;
      });
    }
  } finally {
    await close();
  }
}
