import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { LiveProvider } from "@/components/live/live-provider";
import { ShellKeys } from "@/components/shell/shell-keys";
import { Sidebar } from "@/components/shell/sidebar";
import { databaseAway } from "@/lib/db/away";
import { db } from "@/lib/db/client";
import { alertCounts } from "@/lib/domain/alerts/list-alerts";
import { openIncidents } from "@/lib/domain/incidents/list-incidents";
import { signedIn } from "./page-access";

async function loadShell() {
  const { person } = await signedIn();
  const [firing, incidents] = await Promise.all([alertCounts(db()), openIncidents(db())]);
  return { person, firing, incidents };
}

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  let shell: Awaited<ReturnType<typeof loadShell>>;
  try {
    shell = await loadShell();
  } catch (error) {
    // The pages below would fail the same way; one clear state instead of an error per page.
    if (databaseAway(error)) return <DatabaseUnavailable />;
    throw error;
  }
  const { person, firing, incidents } = shell;
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
