import type { Metadata } from "next";
import { SettingsView } from "@/components/settings/settings-view";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { roles } from "@/lib/domain/access/roles";
import { listTokens } from "@/lib/domain/access/service-tokens";
import { listUsers } from "@/lib/domain/access/users";
import { asJson } from "@/lib/json";
import { pageAccess } from "../page-access";
import { addUser, changeUser, createToken, revokeToken } from "./actions";

export const metadata: Metadata = { title: "Settings · Breakwater" };

export default async function SettingsPage() {
  const { person, allowed } = await pageAccess("admin", "/settings");
  if (!allowed) {
    return (
      <>
        <PageHeader title="Settings" />
        <Forbidden role="admin" />
      </>
    );
  }
  const [users, tokens] = await Promise.all([listUsers(db()), listTokens(db())]);
  return (
    <>
      <PageHeader title="Settings" />
      <SettingsView
        users={asJson(users)}
        tokens={asJson(tokens)}
        roles={roles}
        me={person.email}
        actions={{ addUser, changeUser, createToken, revokeToken }}
      />
    </>
  );
}
