import type { Metadata } from "next";
import { headers } from "next/headers";
import { OverviewLive } from "@/components/overview/overview-live";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { asJson } from "@/lib/json";
import { attention } from "@/lib/domain/overview/attention";
import { listServices } from "@/lib/domain/services/list-services";
import { STALE_AFTER_MS } from "@/lib/domain/services/liveness";
import { signedIn } from "./page-access";

export const metadata: Metadata = { title: "Overview · Breakwater" };

export default async function OverviewPage() {
  await signedIn();
  const [services, needs] = await Promise.all([listServices(db()), attention(db())]);
  return (
    <>
      <PageHeader title="Overview" description="What needs you now, then every service, the ones in trouble first." />
      <OverviewLive initialData={{ services }} attention={asJson(needs)} staleAfterMs={STALE_AFTER_MS} origin={await siteOrigin()} />
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
