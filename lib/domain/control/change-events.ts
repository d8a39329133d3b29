import type { LiveEvent } from "@/lib/live/events";

/** A change of a service's control state shows on its own page and on the overview's row of the service. */
export function changeEvents(topic: "mode" | "breaker", service: string): LiveEvent[] {
  return [
    { topic, id: service },
    { topic: "service", id: service },
  ];
}
