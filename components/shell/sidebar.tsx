import { LiveIndicator } from "@/components/live/live-indicator";
import { Badge } from "@/components/ui/badge";
import type { FiringCounts } from "@/components/alerts/firing-counts";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { TimeZoneSwitch } from "./time-zone-switch";

export function Sidebar({ email, role, firing, openIncidents }: { email: string; role: string; firing: FiringCounts; openIncidents: number }) {
  return (
    <aside className="flex shrink-0 flex-col gap-4 border-b border-zinc-200 bg-zinc-100/60 p-3 md:sticky md:top-0 md:h-screen md:w-56 md:border-r md:border-b-0 dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="flex items-center justify-between gap-2 px-2.5 pt-1">
        <span className="text-sm font-semibold tracking-tight">Breakwater</span>
        <LiveIndicator />
      </div>
      <nav aria-label="Console">
        <NavLinks firing={firing} openIncidents={openIncidents} />
      </nav>
      <div className="mt-auto space-y-2 border-t border-zinc-200 px-2.5 pt-3 dark:border-zinc-800">
        <p className="truncate text-xs text-zinc-700 dark:text-zinc-300" title={email}>
          {email}
        </p>
        <div className="flex items-center justify-between gap-2">
          <TimeZoneSwitch />
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            <kbd>?</kbd> keys
          </span>
        </div>
        <div className="flex items-center justify-between">
          <Badge>{role}</Badge>
          <SignOutButton />
        </div>
      </div>
    </aside>
  );
}
