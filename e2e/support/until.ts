/**
 * Polls `read` until `done` holds or the deadline passes, then returns what it read last, for the
 * caller's assertion to explain. `expect.poll` does the same where the value itself is not needed.
 */
export async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, limitMs = 30_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
