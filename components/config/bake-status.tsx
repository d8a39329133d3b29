"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TimeUntil } from "@/components/ui/time-until";
import type { ConfigActions, Selected, VersionsPage } from "./types";

/** The running bake, if any: a critical alert of the service before it ends rolls the version back. */
export function BakeStatus({ selected, bake, canEnd, actions }: { selected: Selected; bake: VersionsPage["bake"]; canEnd: boolean; actions: Pick<ConfigActions, "endBakeEarly"> }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!bake) return null;
  const end = () =>
    start(async () => {
      const result = await actions.endBakeEarly(selected);
      if (!result.ok) return setError(result.error);
      setAsking(false);
    });
  return (
    <span className="flex items-center gap-2">
      <Badge tone="amber" dot title="A critical alert of this service during the bake rolls the version back by itself.">
        Baking v{bake.version}, ends <TimeUntil at={bake.until} />
      </Badge>
      {canEnd && (
        <Button size="sm" onClick={() => setAsking(true)}>
          End bake
        </Button>
      )}
      <ConfirmDialog open={asking} title="End the bake now?" confirmLabel="End bake" pending={pending} error={error} onConfirm={end} onCancel={() => setAsking(false)}>
        Version {bake.version} stays, and alerts will no longer roll it back automatically.
      </ConfirmDialog>
    </span>
  );
}
