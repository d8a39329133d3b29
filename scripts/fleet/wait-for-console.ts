/**
 * Resolves once the console answers over HTTP; `npm start` may still be building it. Any answer
 * from `/api/health` counts, or a 401 from `/api/v1/services` on a console without a health route.
 */
export async function waitForConsole(url: string, stopped: AbortSignal): Promise<boolean> {
  while (!stopped.aborted) {
    if ((await answers(new URL("/api/health", url), 200)) || (await answers(new URL("/api/v1/services", url), 401))) return true;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return false;
}

async function answers(url: URL, status: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status === status;
  } catch {
    return false;
  }
}
