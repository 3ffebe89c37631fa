import { notFound } from "next/navigation";

import { RecordLayout, RecordLink } from "@/components/shell/record-layout";
import { Badge } from "@/components/ui/badge";
import { ContractStatusBadge } from "@/components/vendors/contract-status-badge";
import { readRecordPage, type RecordPageProps } from "@/lib/audit/record-page";
import { formatDate, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { listContracts } from "@/lib/vendors/queries";

export const metadata = { title: "Contract" };

/** One vendor contract: its terms, owner and renewal, and its History. */
export default async function ContractPage(props: RecordPageProps) {
  const {
    member,
    record: contract,
    changes,
  } = await readRecordPage(props, "Contract", async (m, id) => {
    const [row] = await listContracts(m.org.id, [id]);
    return row;
  });
  if (!contract) notFound();
  const slug = member.org.slug;

  const facts: [string, React.ReactNode][] = [
    ["Status", <ContractStatusBadge key="s" status={contract.status} />],
    ["Vendor", contract.vendorName],
    [
      "Team",
      <RecordLink key="t" href={`/${slug}/teams/units/${contract.orgUnitId}`}>
        {contract.teamName}
      </RecordLink>,
    ],
    [
      "Owner",
      <RecordLink key="o" href={contract.ownerId ? `/${slug}/people/${contract.ownerId}` : null}>
        {contract.ownerName}
      </RecordLink>,
    ],
    [
      "Category",
      <Badge key="c" variant="secondary">
        {humanize(contract.category)}
      </Badge>,
    ],
    ["Annual amount", formatMoney(contract.annualAmountCents, member.org.currency)],
    ["Term", `${formatDate(contract.startDate)} – ${formatDate(contract.endDate)}`],
    ["Renewal notice", contract.renewalNoticeDate ? formatDate(contract.renewalNoticeDate) : "—"],
    ["Renews automatically", contract.autoRenew ? "Yes" : "No"],
  ];

  return (
    <RecordLayout
      back={{ href: `/${slug}/vendors#contracts`, label: "Vendors" }}
      section="Contracts"
      title={contract.name}
      description={`${contract.vendorName} · ${contract.teamName}`}
      facts={facts}
      changes={changes}
      recordLabel="contract"
    />
  );
}
