"use client";

import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { CONSOLE } from "@/lib/domain/routing/tree";
import type { ChildRoute } from "./types";

type Settings = Omit<Partial<ChildRoute>, "matchers" | "continue" | "routes">;

interface Props {
  settings: Settings;
  onChange: (next: Settings) => void;
  /** A child route may leave any setting to its parent; the root may not. */
  inherits: boolean;
  channels: readonly string[];
  /** Issues keyed by field name (`receiver`, `escalation.afterSeconds`) for this route. */
  issueOf: (field: string) => string | undefined;
  /** Names the route in every control's label, so each is unique on the page. */
  name: string;
}

const INHERIT = "(inherit)";
const NO_ESCALATION = "no escalation";
const ESCALATE = "escalate";

const timings = [
  ["groupWaitSeconds", "Group wait (s)"],
  ["groupIntervalSeconds", "Group interval (s)"],
  ["repeatIntervalSeconds", "Repeat interval (s)"],
  ["ackTimeoutSeconds", "Ack timeout (s)"],
] as const;

/** A route's receiver, grouping, timings and escalation; blank means inherited from the parent route. */
export function SettingsFields({ settings, onChange, inherits, channels, issueOf, name }: Props) {
  const receivers = [CONSOLE, ...channels];
  const options = (value: string | undefined, withInherit: boolean) => [
    ...(withInherit ? [INHERIT] : []),
    ...receivers,
    ...(value && !receivers.includes(value) ? [value] : []),
  ];
  const escalationChoice = settings.escalation === undefined ? INHERIT : settings.escalation === null ? NO_ESCALATION : ESCALATE;
  const hint = (field: string) => issueOf(field) && <span className="text-red-700 dark:text-red-400">{issueOf(field)}</span>;

  return (
    <div className="flex flex-wrap items-start gap-3">
      <Select
        label={`Receiver of ${name}`}
        options={options(settings.receiver, inherits)}
        value={settings.receiver ?? INHERIT}
        onChange={(e) => onChange({ ...settings, receiver: e.target.value === INHERIT ? undefined : e.target.value })}
        aria-invalid={issueOf("receiver") !== undefined}
        hint={hint("receiver")}
      />
      <Input
        // Committed on leaving the field, so a comma being typed is not tidied away under the cursor.
        key={settings.groupBy?.join(", ") ?? ""}
        label={`Group by of ${name}`}
        placeholder={inherits ? "inherited" : "alertname, service"}
        className="w-44"
        defaultValue={settings.groupBy?.join(", ") ?? ""}
        onBlur={(e) => onChange({ ...settings, groupBy: listOf(e.target.value) })}
        hint={hint("groupBy")}
      />
      {timings.map(([field, label]) => (
        <Input
          key={field}
          label={`${label} of ${name}`}
          type="number"
          min={0}
          className="w-32"
          placeholder={inherits ? "inherited" : "default"}
          value={settings[field] ?? ""}
          onChange={(e) => onChange({ ...settings, [field]: e.target.value === "" ? undefined : Number(e.target.value) })}
          aria-invalid={issueOf(field) !== undefined}
          hint={hint(field)}
        />
      ))}
      <Select
        label={`Escalation of ${name}`}
        options={inherits ? [INHERIT, NO_ESCALATION, ESCALATE] : [NO_ESCALATION, ESCALATE]}
        value={escalationChoice}
        onChange={(e) =>
          onChange({
            ...settings,
            escalation: e.target.value === INHERIT ? undefined : e.target.value === NO_ESCALATION ? null : { afterSeconds: 900, receiver: receivers.at(-1)! },
          })
        }
      />
      {settings.escalation && (
        <>
          <Input
            label={`Escalate after (s) of ${name}`}
            type="number"
            min={1}
            className="w-32"
            value={settings.escalation.afterSeconds}
            onChange={(e) => onChange({ ...settings, escalation: { ...settings.escalation!, afterSeconds: Number(e.target.value) } })}
            aria-invalid={issueOf("escalation.afterSeconds") !== undefined}
            hint={hint("escalation.afterSeconds")}
          />
          <Select
            label={`Escalate to of ${name}`}
            options={options(settings.escalation.receiver, false)}
            value={settings.escalation.receiver}
            onChange={(e) => onChange({ ...settings, escalation: { ...settings.escalation!, receiver: e.target.value } })}
            aria-invalid={issueOf("escalation.receiver") !== undefined}
            hint={hint("escalation.receiver")}
          />
        </>
      )}
    </div>
  );
}

/** `a, b` as a list; blank as "not set", so a child inherits its parent's grouping. */
function listOf(text: string): string[] | undefined {
  if (text.trim() === "") return undefined;
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
