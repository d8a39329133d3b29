"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useOptimistic, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { Td, Tr } from "@/components/ui/table";
import { usersKey, type SettingsActions, type UserRow as User } from "./types";

interface Props extends Pick<SettingsActions, "changeUser"> {
  user: User;
  roles: readonly string[];
  isMe: boolean;
  onError: (message: string | null) => void;
}

export function UserRow({ user, roles, isMe, changeUser, onError }: Props) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  // The chosen role shows at once; whether the account is disabled is shown only once the server confirms it.
  const [shownRole, setShownRole] = useOptimistic(user.role);

  function change(patch: { role?: User["role"]; disabled?: boolean }) {
    startTransition(async () => {
      if (patch.role) setShownRole(patch.role);
      const result = await changeUser({ email: user.email, ...patch });
      onError(result.ok ? null : result.error);
      await queryClient.invalidateQueries({ queryKey: usersKey });
    });
  }

  const locked = isMe ? "You cannot change your own role or disable yourself; ask another admin." : undefined;
  return (
    <Tr aria-busy={pending} className={user.disabled ? "text-zinc-500 dark:text-zinc-400" : ""}>
      <Td>
        {user.email}
        {isMe && <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">(you)</span>}
      </Td>
      <Td>
        <Select
          aria-label={`Access for ${user.email}`}
          options={roles}
          value={shownRole}
          disabled={pending || isMe}
          title={locked}
          onChange={(event) => change({ role: event.target.value as User["role"] })}
        />
      </Td>
      <Td>{user.disabled ? <Badge>disabled</Badge> : <Badge tone="accent">active</Badge>}</Td>
      <Td>
        <RelativeTime at={user.createdAt} />
      </Td>
      <Td className="text-right">
        <Button size="sm" disabled={pending || isMe} title={locked} onClick={() => change({ disabled: !user.disabled })}>
          {user.disabled ? "Enable" : "Disable"}
        </Button>
      </Td>
    </Tr>
  );
}
