import { Trash2 } from "lucide-react";
import type * as React from "react";

import type { useDeleteMapping } from "@/components/imports/delete-mapping-dialog";
import { LedgerFilePreview } from "@/components/imports/ledger-import-parts";
import type { Encoding, Sample } from "@/components/imports/ledger-sample";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { SavedLedgerMapping } from "@/lib/imports/queries";

// Step 2 of the mapped import wizard (components/imports/ledger-import-wizard.tsx): the file's
// first rows, what the wizard says of a saved mapping for its shape (and deleting one), and the
// encoding it was read with. The wizard holds the state.

const PREVIEW_ROWS = 8;

export function LedgerPreviewStep({
  sample,
  idPrefix,
  deletion,
  onDeleted,
  onEncoding,
  ...notices
}: Omit<React.ComponentProps<typeof SavedMappingNotices>, "onDelete"> & {
  sample: Sample;
  idPrefix: string;
  /** Deleting a saved mapping, after the confirmation it asks for. */
  deletion: ReturnType<typeof useDeleteMapping>;
  /** After a saved mapping was deleted. */
  onDeleted: (m: SavedLedgerMapping) => void;
  onEncoding: (encoding: Encoding) => void;
}) {
  return (
    <>
      <SavedMappingNotices {...notices} onDelete={deletion.ask} />
      {deletion.dialog(onDeleted)}
      <LedgerFilePreview
        header={sample.header}
        headerRow={sample.headerAt + 1}
        rows={sample.rows
          .map((r, i) => [sample.headerAt + 2 + i, r] as [number, string[]])
          .filter(([, r]) => r.some((c) => c.trim() !== ""))
          .slice(0, PREVIEW_ROWS)}
      />
      <EncodingSelect idPrefix={idPrefix} value={sample.encoding} onChange={onEncoding} />
    </>
  );
}

/** The saved mapping used for this file, or the closest one and how this file differs from it. */
function SavedMappingNotices({
  savedUsed,
  nearby,
  shapeNote,
  onMapAgain,
  onUseSaved,
  onDelete,
}: {
  savedUsed: SavedLedgerMapping | null;
  nearby: { m: SavedLedgerMapping; missing: string[] } | null;
  shapeNote: string | null;
  onMapAgain: () => void;
  onUseSaved: (m: SavedLedgerMapping) => void;
  /** Asks to delete a saved mapping (the wizard confirms first). */
  onDelete: (m: SavedLedgerMapping, trigger: HTMLElement) => void;
}): React.ReactNode {
  return (
    <>
      {savedUsed ? (
        <div role="status" className="flex flex-wrap items-center gap-2 rounded-md border border-border bg-muted/40 p-3 text-sm">
          <span>Mapped with the mapping saved for files with these columns ({new Date(savedUsed.updatedAt).toLocaleDateString()}).</span>
          <Button type="button" variant="outline" size="sm" onClick={onMapAgain}>
            Map again
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={(e) => onDelete(savedUsed, e.currentTarget)}>
            <Trash2 className="size-4" aria-hidden />
            Delete saved mapping
          </Button>
        </div>
      ) : null}
      {nearby && !savedUsed ? (
        <div role="status" className="flex flex-wrap items-center gap-2 rounded-md border border-amber-500/40 bg-amber-500/5 p-3 text-sm">
          <span>
            This file&apos;s columns differ from a saved mapping&apos;s (saved {new Date(nearby.m.updatedAt).toLocaleDateString()}
            {nearby.missing.length
              ? `; this file has no ${nearby.missing.map((n) => `"${n}"`).join(", ")}`
              : "; this file has other columns too"}
            ). Its columns are mapped afresh below.
          </span>
          {nearby.missing.length === 0 ? (
            <Button type="button" variant="outline" size="sm" onClick={() => onUseSaved(nearby.m)}>
              Use the saved mapping
            </Button>
          ) : null}
          <Button type="button" variant="ghost" size="sm" onClick={(e) => onDelete(nearby.m, e.currentTarget)}>
            <Trash2 className="size-4" aria-hidden />
            Delete that saved mapping
          </Button>
        </div>
      ) : null}
      {shapeNote ? (
        <p role="status" className="rounded-md border border-amber-500/40 bg-amber-500/5 p-3 text-sm">
          {shapeNote}
        </p>
      ) : null}
    </>
  );
}

/** The file's character encoding as read (UTF-8 unless its bytes say otherwise); the person may change it. */
export function EncodingSelect({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: Encoding;
  onChange: (encoding: Encoding) => void;
}) {
  return (
    <div className="flex flex-col gap-1 sm:max-w-xs">
      <label htmlFor={`${idPrefix}-enc`} className="text-sm font-medium">
        Character encoding
      </label>
      <NativeSelect id={`${idPrefix}-enc`} value={value} onChange={(e) => onChange(e.target.value as Encoding)}>
        <option value="utf-8">UTF-8</option>
        <option value="windows-1252">Windows-1252 (older Excel / Windows exports)</option>
      </NativeSelect>
    </div>
  );
}
