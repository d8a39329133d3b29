import type { Metadata } from "next";
import { headers } from "next/headers";
import { OpenIncidents } from "@/components/incidents/incidents-live";
import type { IncidentItem } from "@/components/incidents/types";
import { OverviewLive } from "@/components/overview/overview-live";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { openIncidents } from "@/lib/domain/incidents/list-incidents";
import { listServices } from "@/lib/domain/services/list-services";
import { STALE_AFTER_MS } from "@/lib/domain/services/liveness";
import { signedIn } from "./page-access";

export const metadata: Metadata = { title: "Overview · Breakwater" };

export default async function OverviewPage() {
  await signedIn();
  const [services, incidents] = await Promise.all([listServices(db()), openIncidents(db())]);
  return (
    <>
      <PageHeader title="Overview" description="Services and their instances, as they report." />
      <OpenIncidents initialData={{ items: incidents as IncidentItem[] }} />
      <OverviewLive initialData={{ services }} staleAfterMs={STALE_AFTER_MS} origin={await siteOrigin()} />
    </>
  );
}

// For the copy-and-paste report example: the address the browser used, behind a proxy too.
async function siteOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
