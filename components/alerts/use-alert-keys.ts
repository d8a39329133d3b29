"use client";

import { useEffect, useLayoutEffect, useRef } from "react";

export interface AlertKeyHandlers {
  move(step: 1 | -1): void;
  toggle(): void;
  ack(): void;
  open(): void;
  silence(): void;
  close(): void;
}

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** j/k move, x selects, a acknowledges, s silences, Enter opens, Escape closes; never while typing, with a modifier, or under a dialog. */
export function useAlertKeys(handlers: AlertKeyHandlers): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target) || document.querySelector("dialog[open]")) return;
      const h = latest.current;
      const run = { j: () => h.move(1), k: () => h.move(-1), x: h.toggle, a: h.ack, s: h.silence, Enter: h.open, Escape: h.close }[event.key];
      if (!run) return;
      if (event.key === "Enter" && event.target instanceof HTMLElement && !event.target.hasAttribute("data-row") && event.target !== document.body) return;
      event.preventDefault();
      run();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
