"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { Select } from "@/components/ui/select";
import { FormError } from "@/components/ui/form-error";
import { usersKey, type SettingsActions } from "./types";

export function AddUserForm({ addUser, roles }: Pick<SettingsActions, "addUser"> & { roles: readonly string[] }) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);

  function submit(form: FormData) {
    startTransition(async () => {
      const result = await addUser({ email: String(form.get("email")), role: String(form.get("role")) });
      setError(result.ok ? null : result.error);
      setCreated(result.ok ? result.value : null);
      if (result.ok) await queryClient.invalidateQueries({ queryKey: usersKey });
    });
  }

  return (
    <div className="space-y-3">
      <form aria-label="Add user" action={submit} className="flex flex-wrap items-end gap-2">
        <Input label="Email" name="email" type="email" required className="w-72" autoComplete="off" />
        <Select label="Role" name="role" options={roles} defaultValue="viewer" />
        <Button type="submit" variant="primary" disabled={pending}>
          Add user
        </Button>
      </form>
      <FormError error={error} />
      {created && (
        <OneTimeSecret label={`Password for ${created.email}.`} value={created.password} onDismiss={() => setCreated(null)} />
      )}
    </div>
  );
}
