import type { Metadata } from "next";
import { AlertsLive } from "@/components/alerts/alerts-live";
import type { AlertsPage as AlertsData } from "@/components/alerts/types";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { can } from "@/lib/domain/access/can";
import { ackAlerts } from "@/lib/domain/alerts/ack";
import { maySendFixes } from "@/lib/domain/alerts/fix-verbs";
import { alertFilter, listAlerts } from "@/lib/domain/alerts/list-alerts";
import { signedIn } from "../page-access";
import { acknowledgeAlerts, expire, resolveOne, silence } from "./actions";
import { sendFix } from "./fix-action";

export const metadata: Metadata = { title: "Alerts · Breakwater" };

export default async function AlertsPage() {
  const { person } = await signedIn();
  const page = await listAlerts(db(), alertFilter.parse({ status: "open" }));
  // The browser refetches the same JSON the API sends, so the first paint takes that shape too.
  const initialData = JSON.parse(JSON.stringify(page)) as AlertsData;
  const actions = can(person.role, ackAlerts) ? { ackAlerts: acknowledgeAlerts, resolveAlert: resolveOne, createSilence: silence, expireSilence: expire } : null;
  return (
    <>
      <PageHeader title="Alerts" description="Every alert of the fleet, live: who has it, what was sent, what is silenced." />
      <AlertsLive initialData={initialData} actions={actions} role={person.role} sendFix={maySendFixes(person.role) ? sendFix : null} />
    </>
  );
}
