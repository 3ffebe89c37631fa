import { Trash2 } from "lucide-react";
import type * as React from "react";

import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { LedgerPreset } from "@/lib/imports/ledger-presets";
import type { LedgerMappingInput } from "@/lib/imports/ledger-mapping";
import type { SavedLedgerMapping } from "@/lib/imports/queries";

// Steps 1 and 2 of the mapped import wizard (components/imports/ledger-import-wizard.tsx): the
// file and the ledger it came from, and what the wizard says of a saved mapping for its shape.
// The wizard holds the state.

export function LedgerFileChooser({
  presets,
  anyLabel,
  idPrefix,
  presetId,
  onPreset,
  onFile,
  fileError,
}: {
  presets: readonly LedgerPreset[];
  /** The "no preset" choice, in the kind's words. */
  anyLabel: string;
  idPrefix: string;
  presetId: string;
  onPreset: (presetId: string) => void;
  onFile: (file: File | undefined) => void;
  fileError: string | null;
}) {
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${idPrefix}-preset`} className="text-sm font-medium">
            Exported from
          </label>
          <NativeSelect id={`${idPrefix}-preset`} value={presetId} onChange={(e) => onPreset(e.target.value)}>
            <option value="">{anyLabel}</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
          {presetId ? <p className="text-xs text-muted-foreground">{presets.find((p) => p.id === presetId)?.howToExport}</p> : null}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={idPrefix} className="text-sm font-medium">
            CSV file (up to 100 MB)
          </label>
          <input
            id={idPrefix}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => onFile(e.target.files?.[0])}
            aria-describedby={fileError ? `${idPrefix}-error` : undefined}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-background file:px-3 file:py-1.5 file:text-sm"
          />
          {fileError ? (
            <p id={`${idPrefix}-error`} role="alert" className="text-sm text-destructive">
              {fileError}
            </p>
          ) : null}
        </div>
      </div>
      <p className="text-xs text-muted-foreground">
        Samples:{" "}
        {presets.map((p, i) => (
          <span key={p.id}>
            {i > 0 ? " · " : null}
            <a href={p.sample} download className="underline underline-offset-2">
              {p.id === "keel" ? "Keel template" : p.name.split(" — ")[0]}
            </a>
          </span>
        ))}
      </p>
    </>
  );
}

/** The saved mapping used for this file, or the closest one and how this file differs from it. */
export function SavedMappingNotices({
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

type Encoding = LedgerMappingInput["encoding"];

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
