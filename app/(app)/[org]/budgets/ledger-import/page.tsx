import Link from "next/link";

import { LedgerImportWizard } from "@/components/imports/ledger-import-wizard";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { requireMember } from "@/lib/auth";
import { listCostCentres, listLedgerMappings } from "@/lib/imports/queries";
import { can } from "@/lib/permissions";

export const metadata = { title: "Import a ledger export" };

// The ledger-export import (docs/imports.md): a file from QuickBooks, Xero, NetSuite or any
// ledger, mapped onto Keel's fields in the browser from its first rows, then checked and
// imported whole on the server. Members who may not import actuals are told so (the budgets
// segment streams, so a 404 here could not change the status already sent).
export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const { org } = member;
  if (!can(member.role, "actuals:write")) {
    return (
      <>
        <PageHeader title="Import a ledger export" />
        <p className="text-sm text-muted-foreground">Importing actuals needs the finance or director role in this organization.</p>
      </>
    );
  }
  const [saved, units] = await Promise.all([listLedgerMappings(org.id), listCostCentres(org.id)]);
  return (
    <>
      <PageHeader
        title="Import a ledger export"
        description={`Bring actuals from your accounting system's export: map its columns and values once, and the next file of the same shape is mapped for you. Amounts in ${org.currency}.`}
        actions={
          <Link href={`/${org.slug}/budgets`} className={buttonVariants({ variant: "outline" })}>
            Back to budgets
          </Link>
        }
      />
      <LedgerImportWizard
        org={org.slug}
        currency={org.currency}
        saved={saved}
        units={units}
        canCreateUnits={can(member.role, "orgtree:write")}
      />
    </>
  );
}
