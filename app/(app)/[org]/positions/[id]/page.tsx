import Link from "next/link";
import { notFound } from "next/navigation";

import { RecordHistory } from "@/components/audit/record-history";
import { PositionStatusBadge } from "@/components/headcount/position-status-badge";
import { FactsCard } from "@/components/ui/facts-card";
import { PageHeader } from "@/components/shell/page-header";
import { getRecordHistory } from "@/lib/audit/queries";
import { requireMember } from "@/lib/auth";
import { formatDate } from "@/lib/format";
import { listPositions } from "@/lib/headcount/queries";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Position" };

/** One position: what it is, who holds it, and its History. Pay only for members who read pay. */
export default async function PositionPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const [[position], changes] = await Promise.all([
    listPositions(member.org.id, member, { id }),
    getRecordHistory(member, { type: "Position", id }, await searchParams),
  ]);
  if (!position) notFound();
  const slug = member.org.slug;
  const person = (pid: string | null, name: string | null) =>
    pid && name ? (
      <Link className="hover:underline" href={`/${slug}/people/${pid}`}>
        {name}
      </Link>
    ) : (
      "—"
    );

  const facts: [string, React.ReactNode][] = [
    ["Status", <PositionStatusBadge key="s" status={position.status} />],
    [
      "Team",
      <Link key="t" className="hover:underline" href={`/${slug}/teams/units/${position.teamId}`}>
        {position.teamName}
      </Link>,
    ],
    ["Level", position.level],
    ["Held by", person(position.holderId, position.holderName)],
    ...(position.backfillForName
      ? ([["Backfill for", person(position.backfillForId, position.backfillForName)]] as [string, React.ReactNode][])
      : []),
    ["Target start", position.targetStartDate ? formatDate(position.targetStartDate) : "—"],
    ...(position.vacantFrom ? ([["Vacant from", formatDate(position.vacantFrom)]] as [string, React.ReactNode][]) : []),
    ["Budgeted in", `${position.budgetLabel}${position.outsidePlan ? " (outside the plan)" : ""}`],
    ...(position.annualCompCents !== undefined
      ? ([
          ["Annual pay", `${formatMoney(position.annualCompCents, member.org.currency)}${position.compIsEstimate ? " (estimate)" : ""}`],
        ] as [string, React.ReactNode][])
      : []),
  ];

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
        <Link href={`/${slug}/headcount#positions`} className="hover:text-foreground">
          Headcount
        </Link>{" "}
        <span aria-hidden>/</span> Positions
      </nav>
      <PageHeader title={position.title} description={`${position.level} · ${position.teamName}`} />
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <FactsCard facts={facts} className="self-start" />
        <RecordHistory page={changes} recordLabel="position" />
      </div>
    </>
  );
}
