import type { Stack } from "./stack";
import { spread, type Spread } from "./stats";
import { ms, ratio, type Section } from "./table";

const SERVICE = "bench-config";
const ENVIRONMENT = "production";
const VERSIONS = 10_000;
const DOCUMENT_BYTES = 100 * 1024;
const HISTORY_READS = 300;
const DIFFS = 60;
const HISTORY_P95_TARGET_MS = 100;
const DIFF_TARGET_MS = 100;

/**
 * History and diff at scale: 10,000 versions of a 100 KB document, written straight to the
 * database (publishing them one by one through the API would measure the seeding, not the reads).
 * A history page is what the Config page loads; a diff compares two random versions. The baseline
 * is the service endpoint answering one 100 KB version: the same body read, without history or diff.
 */
export const configHistorySection: Section = async (stack, log) => {
  log(`writing ${VERSIONS} versions of a ${DOCUMENT_BYTES / 1024} KB config document`);
  await seed(stack);
  const doc = `${stack.origin}/api/v1/config/${SERVICE}/${ENVIRONMENT}`;
  const asAdmin = { cookie: stack.cookie };
  const asService = { authorization: `Bearer ${stack.serviceToken}` };
  const pick = () => 1 + Math.floor(Math.random() * VERSIONS);

  log(`reading ${HISTORY_READS} history pages, the newest and random older ones`);
  const history = await timed(HISTORY_READS, (i) => get(`${doc}/versions${i % 2 === 0 ? "" : `?before=${pick()}`}`, asAdmin));
  log(`diffing ${DIFFS} random pairs of versions`);
  const diffs = await timed(DIFFS, () => get(`${doc}/diff?from=${pick()}&to=${pick()}`, asAdmin));
  log("reading the current version as a service, the baseline");
  const baseline = await timed(DIFFS, () => get(doc, asService));

  const at = `${VERSIONS} versions of ${DOCUMENT_BYTES / 1024} KB`;
  return [
    { figure: `config history page p50 / p95, ${at}`, value: `${ms(history.p50)} / ${ms(history.p95)}`, target: `p95 ≤ ${HISTORY_P95_TARGET_MS} ms`, vsBaseline: ratio(history.p95, baseline.p95) },
    { figure: `config diff of two versions p50 / p95 / max`, value: `${ms(diffs.p50)} / ${ms(diffs.p95)} / ${ms(diffs.max)}`, target: `≤ ${DIFF_TARGET_MS} ms`, vsBaseline: ratio(diffs.p95, baseline.p95) },
    { figure: "one 100 KB version read p50 / p95 (baseline)", value: `${ms(baseline.p50)} / ${ms(baseline.p95)}`, target: "", vsBaseline: "1×" },
  ];
};

/** A body of about DOCUMENT_BYTES: routes with limits and flags, as a gateway's config might hold. */
function documentBody(): Record<string, unknown> {
  const routes = [];
  for (let i = 0; JSON.stringify(routes).length < DOCUMENT_BYTES - 200; i++) {
    routes.push({ path: `/v1/resource-${i}/items`, upstream: `http://upstream-${i % 17}.internal:8080`, limit: 100 + i, timeoutMs: 250 + (i % 9) * 50, enabled: i % 5 !== 0, tags: [`team-${i % 7}`, `tier-${i % 3}`] });
  }
  return { routes, database: { host: "db.internal", password: "bench-secret" } };
}

/** Each version changes one route's limit, so no two neighbours are equal and diffs find real changes. */
async function seed(stack: Stack): Promise<void> {
  const { sql } = stack.database;
  const body = documentBody();
  const routes = (body.routes as unknown[]).length;
  await sql`insert into services (name) values (${SERVICE}) on conflict do nothing`;
  await sql`insert into config_documents (service, environment, current_version) values (${SERVICE}, ${ENVIRONMENT}, ${VERSIONS})`;
  const batch = 500;
  for (let from = 1; from <= VERSIONS; from += batch) {
    await sql`
      insert into config_versions (service, environment, version, body, message, author, base_version)
      select ${SERVICE}, ${ENVIRONMENT}, g, jsonb_set(${JSON.stringify(body)}::jsonb, array['routes', (g % ${routes})::text, 'limit'], to_jsonb(g)),
        'bench version ' || g, 'bench@example.com', g - 1
      from generate_series(${from}::int, ${Math.min(VERSIONS, from + batch - 1)}::int) g`;
  }
}

async function get(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered HTTP ${response.status}`);
}

async function timed(count: number, request: (i: number) => Promise<void>): Promise<Spread & { max: number }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await request(i);
    samples.push(performance.now() - started);
  }
  return { ...spread(samples), max: Math.max(...samples) };
}
