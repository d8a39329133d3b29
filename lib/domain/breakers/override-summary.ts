/** How an override reads on a timeline: "openai forced open", "openai override cleared". */
export function overrideSummary(breaker: string, override: string | null | undefined): string {
  if (!override || override === "none") return `${breaker} override cleared`;
  return `${breaker} ${override.replace("_", " ")}`;
}
