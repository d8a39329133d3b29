"use client";

import { useState } from "react";
import { FormButtons } from "@/components/ui/form-buttons";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { channelTypes, type Channel, type ChannelType, type RoutingActions } from "./types";

const templates: Record<ChannelType, Record<string, unknown>> = {
  webhook: { url: "https://hooks.example.com/breakwater" },
  slack: { webhookUrl: "https://hooks.slack.com/services/T000/B000/XXXX" },
  pagerduty: { routingKey: "your Events API v2 integration key" },
  email: { host: "smtp.example.com", port: 587, secure: false, from: "breakwater@example.com", to: ["oncall@example.com"] },
};

const hints: Record<ChannelType, string> = {
  webhook: "Add \"secret\" to sign each body with HMAC-SHA256 (header X-Breakwater-Signature).",
  slack: "A Slack incoming webhook URL.",
  pagerduty: "An Events API v2 integration key; \"url\" defaults to PagerDuty's endpoint.",
  email: "SMTP; add \"user\" and \"password\" if the server asks for them.",
};

const pretty = (config: Record<string, unknown>) => JSON.stringify(config, null, 2);

interface Props {
  /** Absent: a new channel. */
  editing: Channel | null;
  actions: Pick<RoutingActions, "addChannel" | "editChannel">;
  onDone: () => void;
}

/** A channel's name, type and config as JSON; an edit shows secrets masked, and sending the mask back keeps them. */
export function ChannelForm({ editing, actions, onDone }: Props) {
  const [name, setName] = useState(editing?.name ?? "");
  const [type, setType] = useState<ChannelType>((editing?.type as ChannelType | undefined) ?? "webhook");
  const [config, setConfig] = useState(pretty(editing?.config ?? templates.webhook));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function save() {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(config) as Record<string, unknown>;
    } catch (e) {
      return setError(`The config is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    setPending(true);
    const result = editing ? await actions.editChannel({ name: editing.name, config: parsed }) : await actions.addChannel({ name: name.trim(), type, config: parsed });
    setPending(false);
    if (result.ok) onDone();
    else setError(result.error);
  }

  return (
    <section aria-label={editing ? `Edit channel ${editing.name}` : "New channel"} className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex flex-wrap gap-3">
        <Input label="Name" value={name} disabled={editing !== null} onChange={(e) => setName(e.target.value)} />
        <Select
          label="Type"
          options={channelTypes}
          value={type}
          disabled={editing !== null}
          onChange={(e) => {
            const next = e.target.value as ChannelType;
            setType(next);
            setConfig(pretty(templates[next]));
          }}
        />
      </div>
      <Textarea label="Config (JSON)" hint={hints[type]} rows={Math.min(12, config.split("\n").length + 1)} spellCheck={false} className="w-full font-mono" value={config} onChange={(e) => setConfig(e.target.value)} />
      <FormError error={error} />
      <FormButtons submit={editing ? "Save channel" : "Add channel"} onSubmit={save} onCancel={onDone} pending={pending} />
    </section>
  );
}
