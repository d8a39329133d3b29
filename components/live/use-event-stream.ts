"use client";

import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ANY_ID, concerns, topics, type Subscription, type Topic } from "@/lib/live/topics";

export type LiveStatus = "connecting" | "live" | "down";

const STREAM_URL = "/api/v1/stream";
// A burst of changes to one resource (a fleet reporting at once) refetches at most this often.
const COALESCE_MS = 200;
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/**
 * Opens the tab's one EventSource and invalidates the queries whose `meta.live` subscriptions
 * concern each event's topic and id: a change to one alert refetches the views of that alert and
 * the lists, not every other alert's drawer. The browser retries a dropped stream by itself; a
 * refused one (the server down, a 5xx) is retried here with a growing, jittered delay.
 */
export function useEventStream(queryClient: QueryClient): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    const invalidate = coalesced(
      (topic, id) =>
        void queryClient.invalidateQueries({ predicate: ({ meta }) => ((meta?.live ?? []) as readonly Subscription[]).some((s) => concerns(s, topic, id)) }),
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
      for (const topic of topics) source.addEventListener(topic, (event) => invalidate(topic, idOf(event)));
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

function idOf(event: MessageEvent<string>): string {
  try {
    const { id } = JSON.parse(event.data) as { id?: unknown };
    return typeof id === "string" ? id : ANY_ID;
  } catch {
    return ANY_ID;
  }
}

/** Runs `fn` for a resource at once, or, within `ms` of its last run, once more when `ms` have passed. */
function coalesced(fn: (topic: Topic, id: string) => void, ms: number) {
  const lastRun = new Map<string, number>();
  const pending = new Map<string, number>();
  const run = (key: string, topic: Topic, id: string) => {
    pending.delete(key);
    // Only the last COALESCE_MS matter; a long-open tab forgets older resources instead of keeping each alert it ever heard of.
    if (lastRun.size > 1_000) lastRun.clear();
    lastRun.set(key, performance.now());
    fn(topic, id);
  };
  const schedule = (topic: Topic, id: string) => {
    const key = `${topic}\u0000${id}`;
    if (pending.has(key)) return;
    const wait = (lastRun.get(key) ?? -Infinity) + ms - performance.now();
    if (wait <= 0) run(key, topic, id);
    else pending.set(key, window.setTimeout(() => run(key, topic, id), wait));
  };
  return Object.assign(schedule, {
    cancel() {
      for (const timer of pending.values()) window.clearTimeout(timer);
      pending.clear();
    },
  });
}
