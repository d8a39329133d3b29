import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** The page a sidebar link leads to before its issue is built. */
export function NotBuiltYet({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="Not built yet">This page arrives with a later issue.</EmptyState>
    </>
  );
}
