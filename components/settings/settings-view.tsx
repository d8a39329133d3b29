"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { ErrorState } from "@/components/ui/error-state";
import { Panel } from "@/components/ui/panel";
import { AddUserForm } from "./add-user-form";
import { CreateTokenForm } from "./create-token-form";
import { TokensTable } from "./tokens-table";
import { tokensKey, usersKey, type SettingsActions, type TokenRow, type UserRow } from "./types";
import { UsersTable } from "./users-table";

interface Props {
  users: UserRow[];
  tokens: TokenRow[];
  roles: readonly string[];
  me: string;
  actions: SettingsActions;
}

export function SettingsView({ users, tokens, roles, me, actions }: Props) {
  const usersQuery = useLiveQuery<{ users: UserRow[] }>(usersKey, "/api/v1/users", { initialData: { users }, on: ["user"] });
  const tokensQuery = useLiveQuery<{ tokens: TokenRow[] }>(tokensKey, "/api/v1/tokens", { initialData: { tokens }, on: ["token"] });

  return (
    <div className="space-y-10">
      <Panel title="Users" description="People who sign in to the console. A new user gets a generated password, shown once.">
        <AddUserForm addUser={actions.addUser} roles={roles} />
        {usersQuery.error && <ErrorState title="The user list could not be refreshed." />}
        <UsersTable users={usersQuery.data?.users ?? users} roles={roles} me={me} changeUser={actions.changeUser} />
      </Panel>
      <Panel title="Tokens" description="Bearer tokens for services and scripts. A token is shown once and stored only as a hash.">
        <CreateTokenForm createToken={actions.createToken} />
        {tokensQuery.error && <ErrorState title="The token list could not be refreshed." />}
        <TokensTable tokens={tokensQuery.data?.tokens ?? tokens} revokeToken={actions.revokeToken} />
      </Panel>
    </div>
  );
}
