import Link from "next/link";

import { LedgerImportWizard } from "@/components/imports/ledger-import-wizard";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { requireMember } from "@/lib/auth";
import { listCostCentres, listLedgerMappings } from "@/lib/imports/queries";
import { can } from "@/lib/permissions";

export const metadata = { title: "Import a plan file" };

// The mapped plan import (docs/imports.md): a budget spreadsheet in another system's shape,
// mapped onto Keel's plan fields in the browser from its first rows, then checked and imported
// whole on the server through the one plan import. Members who may not edit the plan are told so.
export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const { org } = member;
  if (!can(member.role, "budgets:write")) {
    return (
      <>
        <PageHeader title="Import a plan file" />
        <p className="text-sm text-muted-foreground">Importing a plan needs the finance or director role in this organization.</p>
      </>
    );
  }
  const [saved, units] = await Promise.all([listLedgerMappings(org.id, "BUDGET"), listCostCentres(org.id)]);
  return (
    <>
      <PageHeader
        title="Import a plan file"
        description={`Bring a budget from a spreadsheet or planning tool: map its columns and values once, and the next file of the same shape is mapped for you. Each line sets one plan cell (cost centre × category × month). Amounts in ${org.currency}.`}
        actions={
          <Link href={`/${org.slug}/budgets/plan`} className={buttonVariants({ variant: "outline" })}>
            Back to the plan
          </Link>
        }
      />
      <LedgerImportWizard
        kind="BUDGET"
        org={org.slug}
        currency={org.currency}
        saved={saved}
        units={units}
        canCreateUnits={can(member.role, "orgtree:write")}
      />
    </>
  );
}
