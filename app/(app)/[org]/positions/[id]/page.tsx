import { notFound } from "next/navigation";

import { PositionStatusBadge } from "@/components/headcount/position-status-badge";
import { RecordLayout, RecordLink } from "@/components/shell/record-layout";
import { readRecordPage, type RecordPageProps } from "@/lib/audit/record-page";
import { formatDate } from "@/lib/format";
import { listPositions } from "@/lib/headcount/queries";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Position" };

/** One position: what it is, who holds it, and its History. Pay only for members who read pay. */
export default async function PositionPage(props: RecordPageProps) {
  const {
    member,
    record: position,
    changes,
  } = await readRecordPage(props, "Position", async (m, id) => {
    const [row] = await listPositions(m.org.id, m, { id });
    return row;
  });
  if (!position) notFound();
  const slug = member.org.slug;
  const person = (pid: string | null, name: string | null) => <RecordLink href={pid ? `/${slug}/people/${pid}` : null}>{name}</RecordLink>;

  const facts: [string, React.ReactNode][] = [
    ["Status", <PositionStatusBadge key="s" status={position.status} />],
    [
      "Team",
      <RecordLink key="t" href={`/${slug}/teams/units/${position.teamId}`}>
        {position.teamName}
      </RecordLink>,
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
    <RecordLayout
      back={{ href: `/${slug}/headcount#positions`, label: "Headcount" }}
      section="Positions"
      title={position.title}
      description={`${position.level} · ${position.teamName}`}
      facts={facts}
      changes={changes}
      recordLabel="position"
    />
  );
}
