import { Badge, type Tone } from "@/components/ui/badge";
import type { IncidentItem } from "./types";

const tones: Record<IncidentItem["severity"], Tone> = { critical: "red", warning: "amber", info: "accent" };

export function IncidentBadges({ incident }: { incident: Pick<IncidentItem, "severity" | "status"> }) {
  return (
    <span className="inline-flex gap-1">
      <Badge tone={tones[incident.severity]}>{incident.severity}</Badge>
      <Badge tone={incident.status === "open" ? "red" : "green"} dot>
        {incident.status}
      </Badge>
    </span>
  );
}
