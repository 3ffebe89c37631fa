import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import type * as React from "react";
import { useState } from "react";

import { KINDS } from "@/components/imports/ledger-kinds";
import { stageLedgerFile } from "@/components/imports/ledger-sample";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { LedgerMapping, MappedKind } from "@/lib/imports/ledger-mapping";

// Step 5 of the mapped import wizard (components/imports/ledger-import-wizard.tsx): check the
// whole file through the mapping, then import it. The wizard holds the mapping; this step the
// upload, the last check's outcome, and the action running.

type Checked = React.ComponentProps<typeof CheckResult>;
type Problems = React.ComponentProps<typeof ProblemList>;

/**
 * Step 5's state and its run: the whole file is uploaded once (until another file is chosen), then
 * checked or imported through the mapping. A refusal lists its problems and hands the values no
 * mapping covered to `onUnseen`; an import goes on to the page it fills.
 */
export function useCheckAndImport(org: string, kind: MappedKind, onUnseen: (values: { accounts?: string[]; centres?: string[] }) => void) {
  const k = KINDS[kind];
  const router = useRouter();
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problems, setProblems] = useState<Problems | null>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);

  /** Any change to the mapping invalidates an earlier check; another file, its upload too. */
  function invalidate({ newFile = false } = {}) {
    setChecked(null);
    setProblems(null);
    if (newFile) setUploadId(null);
  }

  async function stage(file: File): Promise<string | null> {
    if (uploadId) return uploadId;
    const staged = await stageLedgerFile(org, file);
    if ("message" in staged) {
      setProblems({ message: staged.message, rows: [], unmapped: [] });
      return null;
    }
    setUploadId(staged.uploadId);
    return staged.uploadId;
  }

  async function run(mode: "check" | "import", file: File | null, mapping: LedgerMapping | null) {
    if (!mapping || !file) return;
    setBusy(mode);
    setProblems(null);
    try {
      const id = await stage(file);
      if (!id) return;
      const result = await k[mode](org, { uploadId: id, fileName: file.name, mapping });
      if (!result.ok) {
        const fe = result.fieldErrors ?? {};
        setChecked(null);
        setProblems({
          message: result.message,
          rows: [...(fe.mapping ?? []), ...(fe.costCentres ?? []), ...(fe.encoding ?? []), ...(fe.file ?? [])],
          unmapped: fe.unmapped ?? [],
        });
        // Values further down the file than the first rows: offered for mapping now.
        onUnseen({ accounts: fe.unmappedAccount, centres: fe.unmappedCostCentre });
        return;
      }
      if (mode === "check") return setChecked(result.data);
      const d = result.data as { insertedCount: number; rowCount: number; skippedCount: number; created?: number };
      const [title, detail] = k.imported(d);
      toast.success(title, detail);
      router.push(`/${org}/${k.done}`);
      router.refresh();
    } finally {
      setBusy(null);
    }
  }

  return { busy, checked, problems, invalidate, run };
}

/** Why the server refused the file: every bad row with its column, and every value nothing maps. */
function ProblemList({ message, rows, unmapped }: { message: string; rows: string[]; unmapped: string[] }) {
  return (
    <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm" data-testid="import-problems">
      <p className="font-medium text-destructive">{message}</p>
      {unmapped.length ? (
        <div className="mt-2">
          <p className="font-medium">Values with no mapping (added to step 4):</p>
          <ul className="list-disc pl-5">
            {unmapped.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {rows.length ? (
        <ul className="mt-2 max-h-60 list-disc space-y-0.5 overflow-auto pl-5" data-testid="import-errors">
          {rows.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What a check that passed found: lines that pass and what the import will skip or add. */
function CheckResult({
  rowCount,
  summaryRows,
  ignoredRows,
  newVendorCount,
}: {
  rowCount: number;
  summaryRows: number;
  ignoredRows: number;
  newVendorCount?: number;
}) {
  return (
    <p role="status" className="rounded-md border border-border bg-muted/40 p-3 text-sm" data-testid="check-result">
      All {rowCount} {rowCount === 1 ? "line passes" : "lines pass"}.
      {summaryRows ? ` ${summaryRows} heading or total ${summaryRows === 1 ? "row" : "rows"} skipped.` : ""}
      {ignoredRows ? ` ${ignoredRows} ${ignoredRows === 1 ? "row" : "rows"} of ignored values skipped.` : ""}
      {newVendorCount ? ` ${newVendorCount} new ${newVendorCount === 1 ? "vendor" : "vendors"} will be added.` : ""}
    </p>
  );
}

/** Step 5: what still keeps the mapping from being used, then check the whole file, then import it. */
export function CheckAndImport({
  issues,
  ready,
  busy,
  checked,
  problems,
  onCheck,
  onImport,
}: {
  issues: string[];
  ready: boolean;
  busy: "check" | "import" | null;
  checked: Checked | null;
  problems: Problems | null;
  onCheck: () => void;
  onImport: () => void;
}) {
  return (
    <>
      {issues.length ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-amber-700 dark:text-amber-400" data-testid="mapping-issues">
          {issues.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <p className="text-sm text-muted-foreground">
        Checking reads the whole file through the mapping and lists every problem with its row and column; nothing is written until every
        row passes. A file that passes saves this mapping for the next file with these columns.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" disabled={!ready || !!busy} onClick={onCheck}>
          {busy === "check" ? "Checking…" : "Check the file"}
        </Button>
        <Button type="button" disabled={!ready || !checked || !!busy} onClick={onImport}>
          <FileUp className="size-4" aria-hidden />
          {busy === "import" ? "Importing…" : "Import"}
        </Button>
      </div>
      {checked ? <CheckResult {...checked} /> : null}
      {problems ? <ProblemList {...problems} /> : null}
    </>
  );
}
