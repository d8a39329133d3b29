/** Next.js calls this once per server process at start-up: the Node.js server runs the background jobs. */
export async function register(): Promise<void> {
  // Read here, not through lib/env.ts: the bundler replaces this constant per runtime and drops the
  // jobs from the Edge bundle, where their Node.js modules cannot load.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobs } = await import("./lib/jobs");
  startJobs();
}
