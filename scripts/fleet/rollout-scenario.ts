import { connect } from "@/lib/db/client";
import { bucketOf } from "@/lib/domain/config/rollout/bucket";
import { publishConfig } from "@/lib/domain/config/publish";
import { currentVersionOf } from "@/lib/domain/config/read-version";
import { systemCtx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import type { ServiceSpec } from "./catalog";
import { demoConfig } from "./demo-config";
import { instanceId } from "./instance";
import { seededRandom } from "./random";

const environment = "production";
/** The story: a config that leaves rag-api's postgres without a connection pool, rolled out a while after the fleet starts. */
const SERVICE = "rag-api";
const DEPENDENCY = "postgres";
const AFTER_MS = 45_000;

/**
 * Publishes, once per database, a bad config with a rollout: the instances that take it at the
 * first step cannot reach postgres, their breakers open, and the console halts the rollout and
 * rolls it back by itself. The first step is sized to take one instance of the demo fleet.
 */
export function scheduleBadRollout(databaseUrl: string, fleet: ServiceSpec[], log: (line: string) => void): ReturnType<typeof setTimeout> | null {
  const service = fleet.find((s) => s.name === SERVICE);
  if (!service) return null;
  const lowest = Math.min(...Array.from({ length: service.instances }, (_, i) => bucketOf(instanceId(service, seededRandom(`${service.name}#${i}`)))));
  const firstStep = Math.min(90, (Math.floor(lowest / 10) + 1) * 10);
  return setTimeout(() => {
    void publishBadRollout(databaseUrl, service, firstStep)
      .then((published) => published && log(`${SERVICE} gets a config that empties its ${DEPENDENCY} pool, rolled out to ${firstStep}% first; watch the Config page halt it`))
      .catch((error: unknown) => log(`the rollout scenario could not publish: ${error instanceof Error ? error.message : String(error)}`));
  }, AFTER_MS).unref();
}

async function publishBadRollout(databaseUrl: string, service: ServiceSpec, firstStep: number): Promise<boolean> {
  const { db, close } = connect(databaseUrl, 1);
  try {
    // Only over the fleet's first config: a console that already played the story keeps its history.
    if ((await currentVersionOf(db, service.name, environment)) !== 1) return false;
    const good = demoConfig(service) as { dependencies: Record<string, Record<string, unknown>> };
    const body = { ...good, dependencies: { ...good.dependencies, [DEPENDENCY]: { ...good.dependencies[DEPENDENCY], pool: 0 } } };
    const rollout = { steps: [firstStep, 100], stepSeconds: 300, guard: { breakerOpenFraction: 0.2, errorRateAbove: 0.1 } };
    const input = { service: service.name, environment, body, message: `Smaller ${DEPENDENCY} pool for ${service.name}`, expectedVersion: 1, rollout };
    return await publishConfig(systemCtx("demo-fleet"), input, db).then(
      () => true,
      (error: unknown) => {
        if (error instanceof Conflict) return false;
        throw error;
      },
    );
  } finally {
    await close();
  }
}
