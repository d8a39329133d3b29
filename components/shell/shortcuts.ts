/** `g` then one of these letters goes to the page; the help dialog lists the same table. */
export const goKeys: { key: string; href: string; label: string }[] = [
  { key: "o", href: "/", label: "Overview" },
  { key: "i", href: "/incidents", label: "Incidents" },
  { key: "b", href: "/breakers", label: "Breakers" },
  { key: "m", href: "/modes", label: "Modes" },
  { key: "a", href: "/alerts", label: "Alerts" },
  { key: "r", href: "/routing", label: "Routing" },
  { key: "c", href: "/config", label: "Config" },
  { key: "x", href: "/metrics", label: "Metrics" },
  { key: "u", href: "/audit", label: "Audit" },
  { key: "s", href: "/settings", label: "Settings" },
];

export const otherKeys: { keys: string; does: string }[] = [
  { keys: "Ctrl K / ⌘ K", does: "Find a page, service, breaker or open alert by name" },
  { keys: "/", does: "Focus the page's search" },
  { keys: "?", does: "Show these keys" },
  { keys: "Esc", does: "Close a dialog or drawer" },
];

/** How long after `g` the second key still counts. */
export const GO_WINDOW_MS = 1500;

/** Keys typed into a field are text, not shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
