/**
 * `npm run bench [-- <section>...]`: the console's figures on this machine, against its own embedded
 * PostgreSQL and its own production build (`.next-bench`), everything on 127.0.0.1. Not part of
 * `npm test`. With no arguments every section runs; otherwise only the named ones, in that order.
 * A section is a module's `Section`, registered below; each measures and returns its table rows.
 */
import os from "node:os";
import { alertsSection } from "./alerts-section";
import { burstSection } from "./overload-burst";
import { configHistorySection } from "./config-history";
import { configPublishSection } from "./config-publish";
import { nodelaySection } from "./copy-nodelay";
import { fleetSection } from "./fleet-load";
import { flipSection } from "./flip-latency";
import { metricsSection } from "./metrics-section";
import { ingestionSection } from "./report-ingestion";
import { DIST_DIR, startStack, Teardown } from "./stack";
import { streamSection } from "./stream-latency";
import { memorySection } from "./stream-memory";
import { printTable, type Row, type Section } from "./table";

const SECTIONS: Record<string, Section> = {
  stream: streamSection,
  ingestion: ingestionSection,
  memory: memorySection,
  fleet: fleetSection,
  flip: flipSection,
  alerts: alertsSection,
  config: configHistorySection,
  publish: configPublishSection,
  metrics: metricsSection,
  nodelay: nodelaySection,
  burst: burstSection,
};

const log = (line: string) => console.log(`· ${line}`);

async function main(names: string[]): Promise<void> {
  const unknown = names.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(", ")}; known: ${Object.keys(SECTIONS).join(", ")}`);
  const chosen = names.length > 0 ? [...new Set(names)] : Object.keys(SECTIONS);

  const teardown = new Teardown();
  const interrupted = () => void teardown.run().then(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const stack = await startStack(teardown, log);
    const loadBefore = loadAverage();
    const rows: Row[] = [];
    const failed: string[] = [];
    for (const name of chosen) {
      log(`section ${name}`);
      // One section failing still leaves the others' figures to read.
      try {
        rows.push(...(await SECTIONS[name]!(stack, log)));
      } catch (error) {
        console.error(error);
        failed.push(name);
        rows.push({ figure: `section ${name} failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 160), value: "", target: "", vsBaseline: "" });
      }
    }

    console.log(`\nBreakwater benchmark (${chosen.join(", ")}): ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`);
    const loadAfter = loadAverage();
    const busy = Math.max(Number(loadBefore), Number(loadAfter)) > os.cpus().length;
    console.log(`load average (1 min) ${loadBefore} at the start, ${loadAfter} at the end${busy ? ": above the core count, other work shared the machine" : ""}\n`);
    printTable(rows);
    console.log(`
Latency runs from a committed change (timed as its COMMIT is sent) to the event's bytes reaching
each subscriber, on the monotonic clock the processes share; subscribers (in processes of their
own) and the load generator share this machine's cores with the server. Memory is the next-server
process's VmRSS; CPU is its user + system time. Ingestion is timed after one untimed first report
per instance.

Reproduce:
  npm run bench                                     # every section; builds into ${DIST_DIR} when sources changed
  npm run bench -- stream memory                    # only the named sections: ${Object.keys(SECTIONS).join(", ")}
  rm -rf ${DIST_DIR} && npm run bench               # with a fresh build`);
    if (failed.length > 0) throw new Error(`sections that failed: ${failed.join(", ")}`);
  } finally {
    await teardown.run();
  }
}

function loadAverage(): string {
  return os.loadavg()[0]!.toFixed(1);
}

// Teardown has run by the time main settles; exiting drops any stream a failure left open.
main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
