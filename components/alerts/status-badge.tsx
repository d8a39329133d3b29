import { Badge, type Tone } from "@/components/ui/badge";
import type { AlertStatus, Severity } from "./types";

const severityTones: Record<Severity, Tone> = { critical: "red", warning: "amber", info: "accent" };
const statusTones: Record<AlertStatus, Tone> = { firing: "red", acknowledged: "amber", silenced: "neutral", resolved: "green" };

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={severityTones[severity]}>{severity}</Badge>;
}

export function StatusBadge({ status }: { status: AlertStatus }) {
  return (
    <Badge tone={statusTones[status]} dot>
      {status}
    </Badge>
  );
}
