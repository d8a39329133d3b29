import type { Metadata } from "next";
import { ModesLive } from "@/components/modes/modes-live";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { can } from "@/lib/domain/access/can";
import { listModes } from "@/lib/domain/modes/list-modes";
import { setMode } from "@/lib/domain/modes/set-mode";
import { createSchedule } from "@/lib/domain/schedules/create";
import { signedIn } from "../page-access";
import { cancelSchedule, scheduleChange } from "../schedule-actions";
import { flipMode, returnToAutomatic } from "./actions";

export const metadata: Metadata = { title: "Modes · Breakwater" };

export default async function ModesPage() {
  const { person } = await signedIn();
  const services = await listModes(db());
  return (
    <>
      <PageHeader title="Modes" description="The degradation mode each service should run, and whether its instances do." />
      <ModesLive
        initialData={{ services }}
        actions={can(person.role, setMode) ? { flipMode, returnToAutomatic } : null}
        scheduleActions={can(person.role, createSchedule) ? { scheduleChange, cancelSchedule } : null}
      />
    </>
  );
}
