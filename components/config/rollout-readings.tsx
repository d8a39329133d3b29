import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { RolloutAnswer } from "./types";

type Rollout = NonNullable<RolloutAnswer["rollout"]>;
type Readings = NonNullable<Rollout["readings"]>;

const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 1000) / 10}%`);

/** The guard's readings: the new version's breakers against the old version's over the same window, and the limits that halt it. */
export function RolloutReadings({ readings, guard, live }: { readings: Readings; guard: Rollout["guard"]; live: boolean }) {
  const { newVersion: n, oldVersion: o } = readings;
  const rows = [
    { key: "breakerOpenFraction", label: "Breakers open", fresh: pct(n.openFraction), old: pct(o.openFraction), excess: readings.openExcess, limit: guard.breakerOpenFraction, detail: `${n.open}/${n.breakers}` },
    { key: "errorRateAbove", label: "Error rate", fresh: pct(n.errorRate), old: pct(o.errorRate), excess: readings.errorExcess, limit: guard.errorRateAbove, detail: `${n.failures}/${n.calls} calls` },
  ] as const;
  return (
    <div data-testid="rollout-readings">
      <Table label={live ? "Guard readings, live" : "Guard readings when it ended"}>
        <THead>
          <Th>Reading</Th>
          <Th>New version ({n.instances})</Th>
          <Th>Old version ({o.instances})</Th>
          <Th>Worse by</Th>
          <Th>Halts above</Th>
        </THead>
        <TBody>
          {rows.map((r) => {
            const tripped = readings.tripped.includes(r.key);
            return (
              <Tr key={r.key}>
                <Td>{r.label}</Td>
                <Td>
                  {r.fresh} <span className="text-xs text-zinc-500 dark:text-zinc-400">{r.detail}</span>
                </Td>
                <Td>{r.old}</Td>
                <Td className={tripped ? "font-semibold text-red-700 dark:text-red-400" : ""}>
                  {pct(r.excess)}
                  {tripped && " · tripped"}
                </Td>
                <Td>+{pct(r.limit)}</Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
