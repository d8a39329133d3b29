"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ConfigActions, ConfigOverview, Selected } from "./types";

interface Props {
  overview: ConfigOverview;
  selected: Selected | null;
  canAddEnvironment: boolean;
  actions: Pick<ConfigActions, "addConfigEnvironment">;
}

/** Which document the page shows, kept in the address so it can be shared and reloaded. */
export function DocumentPicker({ overview, selected, canAddEnvironment, actions }: Props) {
  const router = useRouter();
  const go = (next: Selected) => router.push(`/config?service=${encodeURIComponent(next.service)}&environment=${encodeURIComponent(next.environment)}`);
  if (!selected) return null;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Select label="Service" value={selected.service} options={overview.services} onChange={(e) => go({ ...selected, service: e.target.value })} />
      <Select label="Environment" value={selected.environment} options={overview.environments} onChange={(e) => go({ ...selected, environment: e.target.value })} />
      {canAddEnvironment && <AddEnvironment actions={actions} onAdded={(environment) => go({ ...selected, environment })} />}
    </div>
  );
}

function AddEnvironment({ actions, onAdded }: { actions: Props["actions"]; onAdded: (name: string) => void }) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const add = () =>
    start(async () => {
      const result = await actions.addConfigEnvironment({ name });
      if (!result.ok) return setError(result.error);
      setError(null);
      setName("");
      onAdded(name);
    });
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <Input label="New environment" placeholder="e.g. canary" value={name} onChange={(e) => setName(e.target.value)} />
      <Button type="submit" disabled={pending || name.trim() === ""}>
        Add
      </Button>
      <FormError error={error} />
    </form>
  );
}
