import { CodeBlock } from "@/components/ui/code-block";
import { EmptyState } from "@/components/ui/empty-state";

export function NoServices({ origin }: { origin: string }) {
  const example = [
    `curl -X POST ${origin}/api/v1/report \\`,
    `  -H "Authorization: Bearer $BREAKWATER_TOKEN" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"service": "checkout", "instance": "checkout-1", "health": {"status": "healthy"}}'`,
  ].join("\n");
  return (
    <EmptyState title="No services have reported yet">
      <p className="mb-3">
        Create a service token under Settings, then have each instance of your service report its state. It appears here as soon as it
        does.
      </p>
      <CodeBlock code={example} label="Example report" />
    </EmptyState>
  );
}
