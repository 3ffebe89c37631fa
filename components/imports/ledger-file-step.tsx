import { useEffect, useRef } from "react";

import { NativeSelect } from "@/components/ui/native-select";
import type { LedgerPreset } from "@/lib/imports/ledger-presets";

// Step 1 of the mapped import wizard (components/imports/ledger-import-wizard.tsx): the file and
// the ledger it came from. The wizard holds the state.

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
  const input = useRef<HTMLInputElement>(null);
  // A file chosen before the page was interactive (a slow phone; a test that picks it right after
  // the load event) fired its change event before React listened, and nothing happened: take it
  // when the chooser mounts. Only then: a later choice arrives through onChange.
  const chosenEarly = useRef(onFile);
  useEffect(() => {
    const early = input.current?.files?.[0];
    if (early) chosenEarly.current(early);
  }, []);
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
            ref={input}
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
