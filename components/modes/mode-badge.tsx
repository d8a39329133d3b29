import { Badge } from "@/components/ui/badge";
import { modeTone } from "./format";

export function ModeBadge({ mode, ladder }: { mode: string | null; ladder: string[] }) {
  if (mode === null) return <Badge>unknown</Badge>;
  return (
    <Badge tone={modeTone(mode, ladder)} dot>
      {mode}
    </Badge>
  );
}
