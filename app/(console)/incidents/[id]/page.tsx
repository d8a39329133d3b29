import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentLive } from "@/components/incidents/incident-live";
import type { IncidentDetail as IncidentData } from "@/components/incidents/types";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { can } from "@/lib/domain/access/can";
import { maySendFixes } from "@/lib/domain/alerts/fix-verbs";
import { addIncidentNote } from "@/lib/domain/incidents/add-note";
import { NotFound } from "@/lib/domain/errors";
import { incidentDetail } from "@/lib/domain/incidents/incident-detail";
import { incidentId } from "@/lib/domain/incidents/incident-input";
import { sendFix } from "../../alerts/fix-action";
import { signedIn } from "../../page-access";
import { addNote } from "../actions";

export const metadata: Metadata = { title: "Incident · Breakwater" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { person } = await signedIn();
  const id = incidentId.safeParse((await params).id);
  if (!id.success) notFound();
  const incident = await incidentDetail(db(), id.data).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  const initialData = JSON.parse(JSON.stringify(incident)) as IncidentData;
  return (
    <>
      <PageHeader title={incident.title} description={`Incident ${incident.id}: its alerts and everything that changed, from 30 min before it opened.`} />
      <IncidentLive
        initialData={initialData}
        role={person.role}
        addNote={can(person.role, addIncidentNote) ? addNote : null}
        sendFix={maySendFixes(person.role) ? sendFix : null}
      />
    </>
  );
}
