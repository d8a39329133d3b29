import type { Metadata } from "next";
import { RoutingLive } from "@/components/routing/routing-live";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { can } from "@/lib/domain/access/can";
import { listChannels } from "@/lib/domain/channels/list-channels";
import { currentRouting } from "@/lib/domain/routing/current-routing";
import { publishRouting } from "@/lib/domain/routing/publish-routing";
import { listRoutingVersions } from "@/lib/domain/routing/routing-versions";
import { asJson } from "@/lib/json";
import { signedIn } from "../page-access";
import { addChannel, editChannel, publishTree } from "./actions";

export const metadata: Metadata = { title: "Routing · Breakwater" };

export default async function RoutingPage() {
  const { person } = await signedIn();
  const admin = can(person.role, publishRouting);
  const [routing, versions, channels] = await Promise.all([currentRouting(db()), listRoutingVersions(db()), admin ? listChannels(db()) : null]);
  return (
    <>
      <PageHeader title="Routing" description="Where each alert goes: the routing tree in force, its versions, and the channels it notifies." />
      <RoutingLive
        initial={{ routing: asJson(routing), versions: asJson(versions), channels: channels && { channels: asJson(channels) } }}
        actions={admin ? { publishTree, addChannel, editChannel } : null}
      />
    </>
  );
}
