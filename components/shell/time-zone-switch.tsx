"use client";

import { useTimeZone } from "@/components/ui/time-zone";

/** Local time or UTC for every exact time in the console, remembered for this person in this browser. */
export function TimeZoneSwitch() {
  const [zone, setZone] = useTimeZone();
  return (
    <div role="group" aria-label="Times shown in" className="inline-flex overflow-hidden rounded-md border border-zinc-300 text-xs dark:border-zinc-700">
      {(["local", "UTC"] as const).map((z) => (
        <button
          key={z}
          type="button"
          aria-pressed={zone === z}
          onClick={() => setZone(z)}
          className={`px-2 py-0.5 focus-visible:outline-2 focus-visible:outline-accent-500 ${zone === z ? "bg-zinc-200 font-medium dark:bg-zinc-700" : "text-zinc-500 dark:text-zinc-400"}`}
        >
          {z === "local" ? "Local" : "UTC"}
        </button>
      ))}
    </div>
  );
}
