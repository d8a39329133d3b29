"use client";

import { keepPreviousData, useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { Subscription } from "@/lib/live/topics";
import { useLiveStatus } from "./live-provider";

const POLL_WHILE_DOWN_MS = 5_000;

/**
 * JSON from `url`, refetched when the event stream announces a change to what it shows: `on` names
 * the topics, or the resources of a topic by id, it is drawn from; polled only while the stream is
 * down and the tab is visible.
 */
export function useLiveQuery<T>(key: readonly unknown[], url: string, options: { on: readonly Subscription[]; initialData?: T }): UseQueryResult<T> {
  const status = useLiveStatus();
  return useQuery<T>({
    queryKey: key,
    meta: { live: options.on },
    queryFn: ({ signal }) => fetchJson<T>(url, signal),
    initialData: options.initialData,
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
