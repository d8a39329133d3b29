"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { tokensKey, type SettingsActions } from "./types";

export function CreateTokenForm({ createToken }: Pick<SettingsActions, "createToken">) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  function submit(form: FormData) {
    startTransition(async () => {
      const result = await createToken({ name: String(form.get("name")), scope: String(form.get("scope")) });
      setError(result.ok ? null : result.error);
      setCreated(result.ok ? result.value : null);
      if (result.ok) await queryClient.invalidateQueries({ queryKey: tokensKey });
    });
  }

  return (
    <div className="space-y-3">
      <form aria-label="Create token" action={submit} className="flex flex-wrap items-start gap-2">
        <Input label="Name" name="name" required className="w-48" placeholder="checkout-prod" autoComplete="off" />
        <Input
          label="Service"
          name="scope"
          required
          className="w-72"
          placeholder="checkout"
          autoComplete="off"
          hint="A service name, * for every service, or a person's email for a personal token."
        />
        <Button type="submit" variant="primary" disabled={pending} className="mt-5">
          Create token
        </Button>
      </form>
      <FormError error={error} />
      {created && <OneTimeSecret label={`Token ${created.name}.`} value={created.token} onDismiss={() => setCreated(null)} />}
    </div>
  );
}
