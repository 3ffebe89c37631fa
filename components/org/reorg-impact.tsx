import Link from "next/link";

import { SectionHeading } from "@/components/dashboard/stat-card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { MovedRow, ReorgImpact } from "@/lib/org/reorg/impact";

// A reorg's impact (lib/org/reorg/impact.ts): heads and plan per unit before → after, managers
// whose span changes, and the rows that change unit. The same tables show the preview of a
// draft and what an applied reorg changed.

const KIND_LABELS: Record<MovedRow["kind"], string> = {
  person: "Person",
  position: "Position",
  project: "Project",
  contract: "Contract",
  planLine: "Plan line",
};
const KIND_PLURALS: Record<MovedRow["kind"], string> = {
  person: "people",
  position: "positions",
  project: "projects",
  contract: "contracts",
  planLine: "plan lines",
};
const ROW_SHOWN = 100;

function Delta({ before, after, format = String }: { before: number; after: number; format?: (n: number) => string }) {
  if (before === after) return <span className="text-muted-foreground">{format(after)}</span>;
  return (
    <span>
      <span className="text-muted-foreground">{format(before)}</span> <span aria-label="becomes">→</span>{" "}
      <span className="font-medium">{format(after)}</span>
    </span>
  );
}

function Changed({ before, after }: { before: string | null; after: string | null }) {
  if (before === after) return <span className="text-muted-foreground">{after ?? "—"}</span>;
  return (
    <span>
      <span className="text-muted-foreground">{before ?? "—"}</span> <span aria-label="becomes">→</span>{" "}
      <span className="font-medium">{after ?? "—"}</span>
    </span>
  );
}

export function ReorgImpactView({
  impact,
  org,
  currency,
  applied,
}: {
  impact: ReorgImpact;
  org: string;
  currency: string;
  applied: boolean;
}) {
  const money = (n: number) => formatMoney(n, currency, { compact: true });
  const counts = Object.entries(impact.rowCounts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${n === 1 ? KIND_LABELS[k as MovedRow["kind"]].toLowerCase() : KIND_PLURALS[k as MovedRow["kind"]]}`);
  const totalRows = Object.values(impact.rowCounts).reduce((a, b) => a + b, 0);
  return (
    <div className="space-y-8">
      <section aria-label="Units that change">
        <SectionHeading
          title="Units"
          description={`Heads in post and the ${impact.fiscalYear} plan of each unit and every unit below it, ${applied ? "before → after the apply" : "now → after applying"} (${impact.day}). Only units that change are listed.`}
        />
        {impact.units.length === 0 ? (
          <p className="text-sm text-muted-foreground">No unit changes.</p>
        ) : (
          <Table containerClassName="max-w-full">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Unit</TableHead>
                <TableHead scope="col">Parent</TableHead>
                <TableHead scope="col">Lead</TableHead>
                <TableHead scope="col" className="text-right">
                  Heads
                </TableHead>
                <TableHead scope="col" className="text-right">
                  Plan {impact.fiscalYear}
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {impact.units.map((u) => (
                <TableRow key={u.id}>
                  <TableCell>
                    {u.state === "new" && !applied ? (
                      <span className="font-medium">{u.name}</span>
                    ) : (
                      <Link className="font-medium hover:underline" href={`/${org}/teams/units/${u.id}`}>
                        {u.name}
                      </Link>
                    )}
                    <span className="ml-1 font-mono text-xs text-muted-foreground">{u.code}</span>
                    {u.state !== "changed" ? (
                      <span className="ml-2 text-xs font-medium uppercase text-muted-foreground">{u.state}</span>
                    ) : null}
                  </TableCell>
                  {/* A new unit had no parent or lead before: show what it gets. */}
                  <TableCell>
                    <Changed before={u.state === "new" ? u.parentAfter : u.parentBefore} after={u.parentAfter} />
                  </TableCell>
                  <TableCell>
                    <Changed before={u.state === "new" ? u.leadAfter : u.leadBefore} after={u.leadAfter} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    <Delta before={u.headsBefore} after={u.headsAfter} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    <Delta before={u.budgetBefore} after={u.budgetAfter} format={money} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-label="Managers whose span changes">
        <SectionHeading title="Managers whose span changes" description="Direct reports in post." />
        {impact.spans.length === 0 ? (
          <p className="text-sm text-muted-foreground">No manager&apos;s span changes.</p>
        ) : (
          <Table containerClassName="max-w-xl">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Manager</TableHead>
                <TableHead scope="col" className="text-right">
                  Direct reports
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {impact.spans.map((s) => (
                <TableRow key={s.personId}>
                  <TableCell>
                    <Link className="hover:underline" href={`/${org}/people/${s.personId}`}>
                      {s.name}
                    </Link>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    <Delta before={s.before} after={s.after} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-label="What changes unit">
        <SectionHeading
          title="What changes unit"
          description={
            totalRows
              ? `${counts.join(", ")}. People, open positions, live projects and contracts, plan lines from this month on.`
              : "Nothing changes unit: the steps only reshape the tree."
          }
        />
        {totalRows > 0 ? (
          <Table containerClassName="max-w-full">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Kind</TableHead>
                <TableHead scope="col">Name</TableHead>
                <TableHead scope="col">From</TableHead>
                <TableHead scope="col">To</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {impact.rows.slice(0, ROW_SHOWN).map((r) => (
                <TableRow key={`${r.kind}-${r.id}`}>
                  <TableCell>{KIND_LABELS[r.kind]}</TableCell>
                  <TableCell>{r.label}</TableCell>
                  <TableCell>{r.from.name}</TableCell>
                  <TableCell>{r.to?.name ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        {totalRows > ROW_SHOWN ? (
          <p className="mt-2 text-sm text-muted-foreground">
            The first {ROW_SHOWN} of {totalRows} are listed.
          </p>
        ) : null}
      </section>
    </div>
  );
}
