import type * as React from "react";

import { EncodingSelect } from "@/components/imports/ledger-preview-step";
import { LedgerFilePreview } from "@/components/imports/ledger-import-parts";
import type { Encoding, HrisSample } from "@/components/teams/hris-file";
import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { SavedHrisMapping } from "@/lib/people/hris/queries";

// The HRIS sync dialog's first step (components/teams/hris-sync-dialog.tsx): the export chosen,
// the saved mapping it was mapped with (or the one it no longer fits), its first rows, and the
// encoding it was read with. The dialog holds the state.

export function HrisFileStep({
  errors,
  onFile,
  sample,
  onEncoding,
  ...notices
}: React.ComponentProps<typeof SavedNotices> & {
  errors: string[];
  onFile: (file: File | undefined) => void;
  /** The file read, once one is chosen. */
  sample: HrisSample | null;
  onEncoding: (encoding: Encoding) => void;
}) {
  return (
    <>
      <FormField id="hris-file" label="HRIS export (CSV)" errors={errors.length ? errors.slice(0, 50) : undefined}>
        <Input
          id="hris-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => onFile(e.target.files?.[0])}
          {...describedBy("hris-file", errors)}
        />
      </FormField>
      {sample ? (
        <>
          <SavedNotices {...notices} />
          <LedgerFilePreview header={sample.header} rows={sample.rows.slice(0, 3).map((r, i) => [i + 2, r])} headerRow={1} />
          <EncodingSelect idPrefix="hris" value={sample.encoding} onChange={onEncoding} />
        </>
      ) : null}
    </>
  );
}

/** The saved mapping used for this file, or the one it no longer fits, with "map again". */
function SavedNotices({
  savedUsed,
  near,
  onMapAgain,
}: {
  savedUsed: SavedHrisMapping | null;
  near: { m: SavedHrisMapping; missing: string[] } | null;
  onMapAgain: () => void;
}) {
  if (savedUsed)
    return (
      <div role="status" className="flex flex-wrap items-center gap-2 rounded-md border border-border bg-muted/40 p-3 text-sm">
        <span>Mapped with the mapping saved for files with these columns ({new Date(savedUsed.updatedAt).toLocaleDateString()}).</span>
        <Button type="button" variant="outline" size="sm" onClick={onMapAgain}>
          Map again
        </Button>
      </div>
    );
  if (near)
    return (
      <p role="status" className="rounded-md border border-amber-500/40 bg-amber-500/5 p-3 text-sm" data-testid="hris-shape-mismatch">
        This file&apos;s columns do not match the mapping saved on {new Date(near.m.updatedAt).toLocaleDateString()}
        {near.missing.length ? `: it has no ${near.missing.map((n) => `"${n}"`).join(", ")}` : ""}. Its columns are mapped afresh below,
        suggested from their names; check them.
      </p>
    );
  return null;
}
