import type { IncidentRecord } from "./incident-record";

/** The post-incident record as Markdown, to paste into a review document. */
export function recordMarkdown(record: IncidentRecord): string {
  const s = record.summary;
  const lines = [
    `# Incident ${s.id}: ${s.title}`,
    "",
    `- Status: ${s.status}`,
    `- Services: ${s.services.join(", ")}`,
    `- Severity: ${s.severity}`,
    `- Opened: ${s.openedAt}`,
    `- Resolved: ${s.resolvedAt ?? "not yet"}`,
    `- Duration: ${duration(s.durationSeconds)}`,
    `- Time to first acknowledgement: ${s.timeToFirstAckSeconds === null ? "never acknowledged" : duration(s.timeToFirstAckSeconds)}`,
    `- Alerts: ${s.alerts.map((a) => `${a.name} (#${a.id}, ${a.severity})`).join(", ") || "none"}`,
    "",
    "## Timeline",
    "",
    "| time (UTC) | kind | what | who | why | audit |",
    "|---|---|---|---|---|---|",
    ...record.timeline.map((e) => row([e.at, e.kind, e.summary, e.actor ?? "", e.reason ?? "", e.auditId === null ? "" : `#${e.auditId} ${e.auditHash}`])),
    "",
    "## Actions taken",
    "",
    ...(record.actions.length === 0 ? ["None."] : record.actions.map((a) => `- ${a.at} ${a.summary} by ${a.actor ?? "unknown"}: ${a.reason ?? "no reason given"} (audit #${a.auditId})`)),
    "",
    "## Audit",
    "",
    `Each audited entry above carries its audit id and hash; \`GET ${record.audit.verify}\` checks the chain they belong to.`,
    "",
    `Generated ${record.generatedAt}.`,
    "",
  ];
  return lines.join("\n");
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replaceAll("|", "\\|").replaceAll("\n", " ")).join(" | ")} |`;
}

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = seconds % 60;
  return [h ? `${h} h` : "", m ? `${m} min` : "", `${sec} s`].filter(Boolean).join(" ");
}
