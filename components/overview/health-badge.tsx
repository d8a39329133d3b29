import { Badge, type Tone } from "@/components/ui/badge";

const toneOf: Record<string, Tone> = { healthy: "green", degraded: "amber", unhealthy: "red" };

/** healthy, degraded, unhealthy, or unknown when no instance has reported lately; a stale health is only the last one known, so it goes grey. */
export function HealthBadge({ health, stale = false, title }: { health: string; stale?: boolean; title?: string }) {
  return (
    <Badge tone={stale ? "neutral" : (toneOf[health] ?? "neutral")} dot title={title}>
      {health}
    </Badge>
  );
}
