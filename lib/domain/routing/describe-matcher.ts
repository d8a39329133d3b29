import type { SilenceMatcher } from "@/drizzle/schema/alerts";

/** A matcher as Alertmanager writes it, `service="rag-api"`; pure, so the browser shows it the same way. */
export function describeMatcher(m: SilenceMatcher): string {
  return `${m.label}${m.op}${JSON.stringify(m.value)}`;
}
