"use client";

import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { FormError } from "@/components/ui/form-error";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import type { SettingsActions, UserRow as User } from "./types";
import { UserRow } from "./user-row";

export function UsersTable({ users, roles, me, changeUser }: Pick<SettingsActions, "changeUser"> & { users: User[]; roles: readonly string[]; me: string }) {
  const [error, setError] = useState<string | null>(null);
  if (users.length === 0) return <EmptyState title="No users yet" />;
  return (
    <div className="space-y-2">
      <FormError error={error} />
      <Table label="Users">
        <THead>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Added</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} roles={roles} isMe={user.email === me} changeUser={changeUser} onError={setError} />
          ))}
        </TBody>
      </Table>
    </div>
  );
}
