"use client";

import { Input } from "./input";
import { Select } from "./select";

const presets = { "no expiry": null, "15 min": 15, "1 h": 60, "4 h": 240, custom: null } as const;

export type ExpiryPreset = keyof typeof presets;

export interface Expiry {
  preset: ExpiryPreset;
  /** A `datetime-local` value, in the browser's time zone; used with the `custom` preset. */
  custom: string;
}

export const noExpiry: Expiry = { preset: "no expiry", custom: "" };

/** The moment a decision lapses, as RFC 3339, computed when it is confirmed rather than when the dialog opened. */
export function resolveExpiry(expiry: Expiry, now = Date.now()): { ok: true; expiresAt: string | null } | { ok: false; error: string } {
  if (expiry.preset === "custom") {
    const at = Date.parse(expiry.custom);
    if (Number.isNaN(at)) return { ok: false, error: "Pick the date and time it expires, or choose another expiry." };
    if (at <= now) return { ok: false, error: "The expiry must be in the future." };
    return { ok: true, expiresAt: new Date(at).toISOString() };
  }
  const minutes = presets[expiry.preset];
  return { ok: true, expiresAt: minutes === null ? null : new Date(now + minutes * 60_000).toISOString() };
}

/** "Expires": never, in 15 min, 1 h, 4 h, or at a chosen local time. */
export function ExpiryField({ value, onChange, disabled }: { value: Expiry; onChange: (next: Expiry) => void; disabled?: boolean }) {
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Select
        label="Expires"
        options={Object.keys(presets)}
        value={value.preset}
        disabled={disabled}
        onChange={(event) => onChange({ ...value, preset: event.target.value as ExpiryPreset })}
      />
      {value.preset === "custom" && (
        <Input
          label="Date and time"
          type="datetime-local"
          required
          value={value.custom}
          disabled={disabled}
          className="w-56"
          onChange={(event) => onChange({ ...value, custom: event.target.value })}
        />
      )}
    </div>
  );
}
