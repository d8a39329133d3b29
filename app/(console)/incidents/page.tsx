import type { Metadata } from "next";
import { IncidentsLive } from "@/components/incidents/incidents-live";
import type { IncidentItem } from "@/components/incidents/types";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { listIncidents } from "@/lib/domain/incidents/list-incidents";
import { signedIn } from "../page-access";

export const metadata: Metadata = { title: "Incidents · Breakwater" };

export default async function IncidentsPage() {
  await signedIn();
  const page = await listIncidents(db(), { limit: 100 });
  return (
    <>
      <PageHeader title="Incidents" description="Opened by a critical or warning alert of a service, joined by its later alerts, resolved when all are and it stays quiet." />
      <IncidentsLive initialData={{ items: page.items as IncidentItem[] }} />
    </>
  );
}
