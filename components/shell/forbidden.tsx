import type { Role } from "@/lib/domain/access/roles";

/** What a signed-in person whose role is too low sees instead of the page. */
export function Forbidden({ role }: { role: Role }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-4 py-6 dark:border-zinc-800 dark:bg-zinc-900">
      <p className="text-sm font-medium">You need the {role} role to see this page.</p>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Ask an admin to change your role under Settings.</p>
    </div>
  );
}
