import Link from "next/link";
import { notFound } from "next/navigation";

import { RecordHistory } from "@/components/audit/record-history";
import { FactsCard } from "@/components/ui/facts-card";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { ContractStatusBadge } from "@/components/vendors/contract-status-badge";
import { getRecordHistory } from "@/lib/audit/queries";
import { requireMember } from "@/lib/auth";
import { formatDate, humanize } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { listContracts } from "@/lib/vendors/queries";

export const metadata = { title: "Contract" };

/** One vendor contract: its terms, owner and renewal, and its History. */
export default async function ContractPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const [[contract], changes] = await Promise.all([
    listContracts(member.org.id, [id]),
    getRecordHistory(member, { type: "Contract", id }, await searchParams),
  ]);
  if (!contract) notFound();
  const slug = member.org.slug;

  const facts: [string, React.ReactNode][] = [
    ["Status", <ContractStatusBadge key="s" status={contract.status} />],
    ["Vendor", contract.vendorName],
    [
      "Team",
      <Link key="t" className="hover:underline" href={`/${slug}/teams/units/${contract.orgUnitId}`}>
        {contract.teamName}
      </Link>,
    ],
    [
      "Owner",
      contract.ownerId && contract.ownerName ? (
        <Link key="o" className="hover:underline" href={`/${slug}/people/${contract.ownerId}`}>
          {contract.ownerName}
        </Link>
      ) : (
        "—"
      ),
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
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
        <Link href={`/${slug}/vendors#contracts`} className="hover:text-foreground">
          Vendors
        </Link>{" "}
        <span aria-hidden>/</span> Contracts
      </nav>
      <PageHeader title={contract.name} description={`${contract.vendorName} · ${contract.teamName}`} />
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <FactsCard facts={facts} className="self-start" />
        <RecordHistory page={changes} recordLabel="contract" />
      </div>
    </>
  );
}
