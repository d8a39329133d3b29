/** Next.js calls this once per server process at start-up: the Node.js server runs the background jobs. */
export async function register(): Promise<void> {
  // Read here, not through lib/env.ts: the bundler replaces this constant per runtime and drops
  // what follows from the Edge bundle, where these Node.js modules cannot load (and where using
  // `process` directly in this file draws a build warning).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startJobs }, { stopGracefullyOnSignal }, { checkConnectionAtStart }] = await Promise.all([
    import("./lib/jobs"),
    import("./lib/http/shutdown"),
    import("./lib/observability/session-verdict"),
  ]);
  checkConnectionAtStart();
  stopGracefullyOnSignal(startJobs());
}
