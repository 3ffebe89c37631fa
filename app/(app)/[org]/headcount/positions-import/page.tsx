import Link from "next/link";

import { LedgerImportWizard } from "@/components/imports/ledger-import-wizard";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { requireMember } from "@/lib/auth";
import { listCostCentres, listLedgerMappings } from "@/lib/imports/queries";
import { can } from "@/lib/permissions";

export const metadata = { title: "Import a hiring plan file" };

// The mapped hiring-plan import (docs/imports.md): a recruiting spreadsheet mapped onto Keel's
// position fields in the browser from its first rows, then checked and imported whole on the
// server through the one hiring-plan import (a manager's rows stay within their scope).
export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const { org } = member;
  if (!can(member.role, "positions:write")) {
    return (
      <>
        <PageHeader title="Import a hiring plan file" />
        <p className="text-sm text-muted-foreground">Importing a hiring plan needs the manager or director role in this organization.</p>
      </>
    );
  }
  const [saved, units] = await Promise.all([listLedgerMappings(org.id, "HIRING_PLAN"), listCostCentres(org.id)]);
  return (
    <>
      <PageHeader
        title="Import a hiring plan file"
        description={`Bring planned positions from a recruiting spreadsheet: map its columns and teams once, and the next file of the same shape is mapped for you. Each row becomes a planned position; compensation in ${org.currency}.`}
        actions={
          <Link href={`/${org.slug}/headcount`} className={buttonVariants({ variant: "outline" })}>
            Back to headcount
          </Link>
        }
      />
      <LedgerImportWizard
        kind="HIRING_PLAN"
        org={org.slug}
        currency={org.currency}
        saved={saved}
        units={units}
        canCreateUnits={can(member.role, "orgtree:write")}
      />
    </>
  );
}
