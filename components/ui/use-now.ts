"use client";

import { useSyncExternalStore } from "react";

// One clock for the whole tab, so a page of relative times re-renders together once a second.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in milliseconds, ticking every second. */
export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => (typeof window === "undefined" ? Date.now() : now),
  );
}
