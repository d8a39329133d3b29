"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { FiringCountsBadges, type FiringCounts } from "@/components/alerts/firing-counts";
import { OpenIncidentsBadge } from "@/components/incidents/incidents-live";
import { focusRing } from "@/components/ui/button";

const links = [
  { href: "/", label: "Overview" },
  { href: "/breakers", label: "Breakers" },
  { href: "/modes", label: "Modes" },
  { href: "/alerts", label: "Alerts" },
  { href: "/incidents", label: "Incidents" },
  { href: "/routing", label: "Routing" },
  { href: "/config", label: "Config" },
  { href: "/metrics", label: "Metrics" },
  { href: "/audit", label: "Audit" },
  { href: "/settings", label: "Settings" },
] as const;

export function NavLinks({ firing, openIncidents }: { firing: FiringCounts; openIncidents: number }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-0.5 md:flex-col">
      {links.map(({ href, label }) => {
        const current = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href} className="flex items-center gap-1">
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              className={`block flex-1 rounded-md px-2.5 py-1.5 text-sm ${focusRing} ${
                current
                  ? "bg-zinc-200/70 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50"
                  : "text-zinc-600 hover:bg-zinc-200/50 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100"
              }`}
            >
              {label}
            </Link>
            {href === "/alerts" && <FiringCountsBadges initialData={firing} />}
            {href === "/incidents" && <OpenIncidentsBadge initialData={openIncidents} />}
          </li>
        );
      })}
    </ul>
  );
}
