import type { Metadata } from "next";
import { ModesLive } from "@/components/modes/modes-live";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db/client";
import { roleAtLeast } from "@/lib/domain/access/roles";
import { listModes } from "@/lib/domain/modes/list-modes";
import { signedIn } from "../page-access";
import { flipMode, returnToAutomatic } from "./actions";

export const metadata: Metadata = { title: "Modes · Breakwater" };

export default async function ModesPage() {
  const { person } = await signedIn();
  const services = await listModes(db());
  return (
    <>
      <PageHeader title="Modes" description="The degradation mode each service should run, and whether its instances do." />
      <ModesLive initialData={{ services }} actions={roleAtLeast(person.role, "operator") ? { flipMode, returnToAutomatic } : null} />
    </>
  );
}
