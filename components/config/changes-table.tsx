import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ConfigChange } from "@/lib/domain/config/diff";

const tint = { add: "bg-green-50 dark:bg-green-950/30", remove: "bg-red-50 dark:bg-red-950/30", change: "bg-amber-50 dark:bg-amber-950/30" };

/** A structural diff side by side: each changed path with its value before and after. */
export function ChangesTable({ changes, compact = false }: { changes: ConfigChange[]; compact?: boolean }) {
  if (changes.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">No differences.</p>;
  return (
    <Table label="Changes">
      <THead>
        <Th>Path</Th>
        <Th>Before</Th>
        <Th>After</Th>
      </THead>
      <TBody>
        {changes.map((c) => (
          <Tr key={`${c.kind}:${c.path.join("\u0000")}`} className={tint[c.kind]}>
            <Td className="font-mono text-xs">{c.path.join(".")}</Td>
            <Td className="font-mono text-xs break-all">{"before" in c ? show(c.before, compact) : <Absent />}</Td>
            <Td className="font-mono text-xs break-all">{"after" in c ? show(c.after, compact) : <Absent />}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function show(value: unknown, compact: boolean) {
  const text = JSON.stringify(value, null, compact ? 0 : 2);
  return <pre className="whitespace-pre-wrap">{compact && text.length > 120 ? `${text.slice(0, 120)}…` : text}</pre>;
}

function Absent() {
  return <span className="text-zinc-500 dark:text-zinc-400">absent</span>;
}
