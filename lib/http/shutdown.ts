const SHUTDOWN_GRACE_MS = 3_000;

/**
 * On a signal Next.js stops listening, then waits for every open connection to end; an open
 * console tab's event stream never ends, so the server would outlive Ctrl-C by minutes. This ends
 * the wait a few seconds after the signal.
 */
export function exitSoonAfterSignal(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref());
  }
}
