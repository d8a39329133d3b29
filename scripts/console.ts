/**
 * The console's process: Next.js behind a node:http server of its own, so the handlers learn who
 * connected. Next.js writes the socket's address into `X-Forwarded-For` only when the client sent
 * none, so a client choosing its own header would choose the address the sign-in limiter and the
 * audit log see; here the header is replaced by the one address `TRUSTED_PROXIES` vouches for.
 */
import { createServer } from "node:http";
import next from "next";
import { env, EnvError } from "@/lib/env";
import { parseTrustedProxies, vouchForClient } from "@/lib/http/client-address";

async function main() {
  const config = env();
  const trusted = parseTrustedProxies(config.TRUSTED_PROXIES);
  const host = process.argv.includes("--host") ? process.argv[process.argv.indexOf("--host") + 1] : undefined;
  const app = next({ dev: false, hostname: host ?? "localhost", port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    vouchForClient(req, trusted);
    void handle(req, res);
  });
  server.listen(config.PORT, host, () => console.log(`The console listens on ${host ?? "*"}:${config.PORT}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
