/** Next.js calls this once per server process at start-up: the Node.js server runs the background jobs. */
export async function register(): Promise<void> {
  // Read here, not through lib/env.ts: the bundler replaces this constant per runtime and drops the
  // jobs from the Edge bundle, where their Node.js modules cannot load.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobs } = await import("./lib/jobs");
  startJobs();
  // On a signal Next.js stops listening, then waits for every open connection to end; an open
  // console tab's event stream never ends, so the server would outlive Ctrl-C by minutes.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref());
  }
}

const SHUTDOWN_GRACE_MS = 3_000;
