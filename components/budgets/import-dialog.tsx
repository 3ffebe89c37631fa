"use client";

import { Upload } from "lucide-react";

import { ImportPanel } from "@/components/budgets/import-panel";
import { MappedImportLinks } from "@/components/imports/mapped-import-links";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

const ACTUALS_COLUMNS = "date, cost centre code, category, amount, vendor, memo, external reference";

/**
 * The ledger import, opened from the budgets page header so it is reachable without scrolling
 * past every table; the imports log (with Revert) stays at the foot of the page.
 */
export function ImportActualsDialog({ org }: { org: string }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Upload aria-hidden />
          Import actuals
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>Import actuals</DialogTitle>
          <DialogDescription>
            Ledger lines already imported (same external reference) are skipped and counted. The imports log at the foot of the page can
            revert an import.
          </DialogDescription>
        </DialogHeader>
        <ImportPanel org={org} kind="actuals" columns={ACTUALS_COLUMNS} />
        <MappedImportLinks
          question="An export from QuickBooks, Xero, NetSuite or another ledger?"
          href={`/${org}/budgets/ledger-import`}
          template="/samples/keel-actuals-template.csv"
        />
      </DialogContent>
    </Dialog>
  );
}
