import { Button } from "@/components/ui/button";
import type { BreakerOverride } from "@/lib/domain/breakers/types";
import type { OverrideChoice } from "./types";

/** Force open, force closed, clear: whichever would change something. */
export function OverrideControls({ override, onChoose }: { override: BreakerOverride | null; onChoose: (choice: OverrideChoice) => void }) {
  return (
    <div className="flex flex-wrap gap-1.5">
      {override?.override !== "forced_open" && (
        <Button size="sm" onClick={() => onChoose("forced_open")}>
          Force open
        </Button>
      )}
      {override?.override !== "forced_closed" && (
        <Button size="sm" onClick={() => onChoose("forced_closed")}>
          Force closed
        </Button>
      )}
      {override && (
        <Button size="sm" variant="primary" onClick={() => onChoose("none")}>
          Clear override
        </Button>
      )}
    </div>
  );
}
