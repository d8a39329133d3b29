"use client";

import { useSyncExternalStore } from "react";

/** Times are shown in the browser's zone or in UTC, as each person chose: on-call spans time zones. */
export type TimeZone = "local" | "UTC";

const KEY_PREFIX = "breakwater:time-zone:";

let zone: TimeZone = "local";
let owner: string | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The zone times are formatted in now; `formatExact` and the charts read it as they format. */
export function timeZone(): TimeZone {
  return zone;
}

/** The Intl option for the zone: undefined is the browser's own. */
export function intlZone(): string | undefined {
  return zone === "UTC" ? "UTC" : undefined;
}

function set(next: TimeZone) {
  zone = next;
  if (owner) localStorage.setItem(KEY_PREFIX + owner, next);
  for (const notify of listeners) notify();
}

/** Loads the signed-in person's choice, kept in this browser under their address. */
export function rememberTimeZoneOf(person: string): void {
  if (owner === person) return;
  owner = person;
  const stored = localStorage.getItem(KEY_PREFIX + person);
  set(stored === "UTC" ? "UTC" : "local");
}

export function useTimeZone(): [TimeZone, (next: TimeZone) => void] {
  const current = useSyncExternalStore(subscribe, timeZone, () => "local" as const);
  return [current, set];
}
