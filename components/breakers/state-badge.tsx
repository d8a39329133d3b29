import { Badge } from "@/components/ui/badge";
import type { BreakerState } from "@/lib/domain/breakers/types";
import { stateLabel, stateTone } from "./format";

export function StateBadge({ state }: { state: BreakerState }) {
  return (
    <Badge tone={stateTone(state)} dot>
      {stateLabel(state)}
    </Badge>
  );
}
