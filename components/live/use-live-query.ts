"use client";

import { keepPreviousData, useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { Topic } from "@/lib/live/topics";
import { useLiveStatus } from "./live-provider";

const POLL_WHILE_DOWN_MS = 5_000;

/**
 * JSON from `url`, refetched when the event stream announces a change to the key's topic (or to
 * one of `alsoOn`), and
 * polled only while the stream is down and the tab is visible.
 */
export function useLiveQuery<T>(key: readonly [Topic, ...unknown[]], url: string, options?: { initialData?: T; alsoOn?: readonly Topic[] }): UseQueryResult<T> {
  const status = useLiveStatus();
  return useQuery<T>({
    queryKey: key,
    // A view drawn from several kinds of change is refetched once for any of them (see use-event-stream).
    meta: options?.alsoOn ? { alsoOn: options.alsoOn } : undefined,
    queryFn: ({ signal }) => fetchJson<T>(url, signal),
    initialData: options?.initialData,
    // The stream announces every change, so data is fresh until it says otherwise.
    staleTime: Infinity,
    // A new key (a filter typed, a range picked) keeps the old rows on screen until its data arrives.
    placeholderData: keepPreviousData,
    refetchInterval: status === "down" ? POLL_WHILE_DOWN_MS : false,
    refetchIntervalInBackground: false,
  });
}

async function fetchJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(messageOf(body) ?? `The server answered ${response.status}.`);
  return body as T;
}

function messageOf(body: unknown): string | null {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : null;
}
