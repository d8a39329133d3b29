import net from "node:net";
import postgres from "postgres";
import { spread } from "./stats";
import { ms, type Section } from "./table";

const ROUNDS = 40;
const SIZES = [100, 1_000, 5_000];

/**
 * `npm run bench -- nodelay`: one COPY at a time on one connection, with postgres.js's sockets as
 * installed (TCP_NODELAY, from patches/postgres+3.4.9.patch) beside the same with Nagle's algorithm
 * left on, through postgres.js's `socket` option with a socket that ignores setNoDelay. The gap is
 * the delayed ACK a COPY's last small message waited for.
 */
export const nodelaySection: Section = async (stack, log) => {
  const url = new URL(stack.databaseUrl);
  const withNagle = () => {
    const socket = net.connect(Number(url.port), url.hostname);
    socket.setNoDelay = () => socket;
    return socket;
  };
  const pools = {
    nodelay: postgres(stack.databaseUrl, { max: 1, onnotice: () => {} }),
    // postgres.js documents `socket` but its types leave it out.
    nagle: postgres(stack.databaseUrl, { max: 1, onnotice: () => {}, socket: withNagle } as postgres.Options<Record<string, never>>),
  };
  const rows = [];
  try {
    await pools.nodelay`create unlogged table if not exists bench_nodelay (a int, b text)`;
    for (const size of SIZES) {
      log(`COPY of ${size} rows, ${ROUNDS} times each way`);
      const data = Buffer.from(Array.from({ length: size }, (_, i) => `${i}\tx${i}\n`).join(""));
      const p50 = { nodelay: 0, nagle: 0 };
      for (const [name, sql] of Object.entries(pools) as [keyof typeof pools, postgres.Sql][]) {
        const times: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const started = performance.now();
          const stream = await sql`copy bench_nodelay from stdin`.writable();
          await new Promise<void>((resolve, reject) => {
            stream.once("error", reject);
            stream.end(data, () => resolve());
          });
          times.push(performance.now() - started);
        }
        p50[name] = spread(times).p50;
      }
      rows.push({ figure: `COPY of ${size.toLocaleString("en")} rows, p50 (Nagle on → TCP_NODELAY)`, value: `${ms(p50.nagle)} → ${ms(p50.nodelay)}`, target: "no delayed-ACK wait", vsBaseline: `${(p50.nagle - p50.nodelay).toFixed(1)} ms saved` });
    }
    await pools.nodelay`drop table bench_nodelay`;
  } finally {
    await Promise.all(Object.values(pools).map((pool) => pool.end({ timeout: 5 })));
  }
  return rows;
};
