import { LiveProvider } from "@/components/live/live-provider";
import { ShellKeys } from "@/components/shell/shell-keys";
import { Sidebar } from "@/components/shell/sidebar";
import { db } from "@/lib/db/client";
import { alertCounts } from "@/lib/domain/alerts/list-alerts";
import { openIncidents } from "@/lib/domain/incidents/list-incidents";
import { signedIn } from "./page-access";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const { person } = await signedIn();
  const [firing, incidents] = await Promise.all([alertCounts(db()), openIncidents(db())]);
  return (
    <LiveProvider>
      <div className="flex min-h-full flex-col md:flex-row">
        <Sidebar email={person.email} role={person.role} firing={firing} openIncidents={incidents.length} />
        <ShellKeys person={person.email} />
        <main className="min-w-0 flex-1 px-4 py-5 md:px-8 md:py-6">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </LiveProvider>
  );
}
