"use client";

import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { topics, type Topic } from "@/lib/live/topics";

export type LiveStatus = "connecting" | "live" | "down";

const STREAM_URL = "/api/v1/stream";
// A burst of changes to one topic (a fleet reporting at once) refetches at most this often.
const COALESCE_MS = 200;
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/**
 * Opens the tab's one EventSource and invalidates the queries whose key starts with each event's
 * topic, or that list it in `meta.alsoOn`. The browser retries a dropped stream by itself; a refused one (the server down, a 5xx) is
 * retried here with a growing, jittered delay.
 */
export function useEventStream(queryClient: QueryClient): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    const invalidate = coalesced(
      (topic) => void queryClient.invalidateQueries({ predicate: ({ queryKey, meta }) => queryKey[0] === topic || (meta?.alsoOn as Topic[] | undefined)?.includes(topic) === true }),
      COALESCE_MS,
    );
    let source: EventSource | null = null;
    let retry: number | undefined;
    let failures = 0;

    const connect = () => {
      source = new EventSource(STREAM_URL);
      source.onopen = () => {
        failures = 0;
        setStatus("live");
        // Changes made before this tab listened (since the page was rendered, or while the stream was down) were never announced to it.
        void queryClient.invalidateQueries();
      };
      source.onerror = () => {
        setStatus("down");
        if (source?.readyState !== EventSource.CLOSED) return;
        const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures) * (0.5 + Math.random() / 2);
        failures += 1;
        retry = window.setTimeout(connect, delay);
      };
      for (const topic of topics) source.addEventListener(topic, () => invalidate(topic));
    };

    connect();
    return () => {
      window.clearTimeout(retry);
      source?.close();
      invalidate.cancel();
    };
  }, [queryClient]);

  return status;
}

/** Runs `fn` for a topic at once, or, within `ms` of its last run, once more when `ms` have passed. */
function coalesced(fn: (topic: Topic) => void, ms: number) {
  const lastRun = new Map<Topic, number>();
  const pending = new Map<Topic, number>();
  const run = (topic: Topic) => {
    pending.delete(topic);
    lastRun.set(topic, performance.now());
    fn(topic);
  };
  const schedule = (topic: Topic) => {
    if (pending.has(topic)) return;
    const wait = (lastRun.get(topic) ?? -Infinity) + ms - performance.now();
    if (wait <= 0) run(topic);
    else pending.set(topic, window.setTimeout(() => run(topic), wait));
  };
  return Object.assign(schedule, {
    cancel() {
      for (const timer of pending.values()) window.clearTimeout(timer);
      pending.clear();
    },
  });
}
