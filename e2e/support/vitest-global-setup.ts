import type { TestProject } from "vitest/node";
import { ALERTMANAGER, ensureDebianPrograms, PGBOUNCER, PROMTOOL } from "./debian-packages";
import { prepareTestRun } from "./prepare";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser URL of the PostgreSQL server holding the template. */
    testDatabaseServer: string;
  }
}

export default async function setup(project: TestProject) {
  ensureDebianPrograms(ALERTMANAGER, PROMTOOL, PGBOUNCER);
  const server = await prepareTestRun();
  project.provide("testDatabaseServer", server.url);
  return () => server.stop();
}
