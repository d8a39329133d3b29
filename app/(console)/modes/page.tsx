import type { Metadata } from "next";
import { ModesLive } from "@/components/modes/modes-live";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { roleAtLeast } from "@/lib/domain/access/roles";
import { listModes } from "@/lib/domain/modes/list-modes";
import { signedIn } from "../page-access";
import { cancelSchedule, scheduleChange } from "../schedule-actions";
import { flipMode, returnToAutomatic } from "./actions";

export const metadata: Metadata = { title: "Modes · Breakwater" };

export default async function ModesPage() {
  const { person } = await signedIn();
  const services = await listModes(db());
  const operator = roleAtLeast(person.role, "operator");
  return (
    <>
      <PageHeader title="Modes" description="The degradation mode each service should run, and whether its instances do." />
      <ModesLive initialData={{ services }} actions={operator ? { flipMode, returnToAutomatic } : null} scheduleActions={operator ? { scheduleChange, cancelSchedule } : null} />
    </>
  );
}
