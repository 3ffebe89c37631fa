"use client";

import { useId, useRef, useMemo, useState } from "react";

import { useDeleteMapping } from "@/components/imports/delete-mapping-dialog";
import { CheckAndImport, useCheckAndImport } from "@/components/imports/ledger-check-step";
import { LedgerColumnMapping } from "@/components/imports/ledger-column-mapping";
import { type Draft, type EditDraft, emptyDraft, readDraft, savedDraft, suggestedDraft } from "@/components/imports/ledger-draft";
import { LedgerFileChooser } from "@/components/imports/ledger-file-step";
import { Step } from "@/components/imports/ledger-import-parts";
import { KINDS } from "@/components/imports/ledger-kinds";
import { LedgerPreviewStep } from "@/components/imports/ledger-preview-step";
import {
  cell,
  closestSaved,
  dataRows,
  distinct,
  type Encoding,
  firstDate,
  missingColumns,
  readSampleBytes,
  withUnseen,
  type Sample,
  SAMPLE_BYTES,
} from "@/components/imports/ledger-sample";
import { LedgerValueMapping } from "@/components/imports/ledger-value-mapping";
import { headerSignature, KIND_FIELDS, type MappedKind, KIND_MAPPING } from "@/lib/imports/ledger-mapping";
import { KIND_PRESETS } from "@/lib/imports/ledger-presets";
import { dateFormatsReading } from "@/lib/imports/ledger-values";
import type { SavedLedgerMapping } from "@/lib/imports/queries";

export function LedgerImportWizard({
  kind = "ACTUALS",
  org,
  currency,
  saved: savedAtLoad,
  units,
  canCreateUnits = false,
}: {
  kind?: MappedKind;
  org: string;
  currency: string;
  saved: SavedLedgerMapping[];
  units: { id: string; code: string; name: string }[];
  /** The member may change the org tree: a department value may become a new unit. */
  canCreateUnits?: boolean;
}) {
  const k = KINDS[kind];
  const presets = KIND_PRESETS[kind];
  const [saved, setSaved] = useState(savedAtLoad);
  const deletion = useDeleteMapping(org, k.remove);
  const fileId = useId();
  const file = useRef<File | null>(null);
  const [presetId, setPresetId] = useState("");
  const [sample, setSample] = useState<Sample | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [savedUsed, setSavedUsed] = useState<SavedLedgerMapping | null>(null);
  const [shapeNote, setShapeNote] = useState<string | null>(null);
  const [nearby, setNearby] = useState<{ m: SavedLedgerMapping; missing: string[] } | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const check = useCheckAndImport(org, kind, (unseen) =>
    setDraft((d) => ({
      ...d,
      accounts: withUnseen(d.accounts, unseen.accounts, (value) => ({ value, category: "" })),
      centres: withUnseen(d.centres, unseen.centres, (value) => ({ value, code: "" })),
    })),
  );
  /** Any change to the mapping invalidates an earlier check. */
  const edit: EditDraft = (change) => {
    check.invalidate();
    setDraft((d) => ({ ...d, ...(typeof change === "function" ? change(d) : change) }));
  };

  async function readSample(f: File, encoding?: Encoding) {
    const s = readSampleBytes(new Uint8Array(await f.slice(0, SAMPLE_BYTES).arrayBuffer()), f.size, encoding, kind);
    setSample(s);
    setFileError(s ? null : "No header row was found in the file's first 50 rows. Is it a CSV export with column names?");
    return s;
  }

  async function chooseFile(f: File | undefined) {
    check.invalidate({ newFile: true });
    setSavedUsed(null);
    setShapeNote(null);
    setNearby(null);
    file.current = f ?? null;
    if (!f) return setSample(null);
    const s = await readSample(f);
    if (!s) return;
    const match = saved.find((m) => m.signature === headerSignature(s.header));
    if (match) return applySaved(match, s);
    applySuggestions(s, presetId);
    // No mapping saved for this exact shape: the closest saved one (most of its columns present)
    // is named with what differs, and offered where it fits; otherwise the file is mapped afresh.
    const close = closestSaved(saved, s.header);
    if (close) setNearby(close);
  }

  function applySuggestions(s: Sample, preset: string) {
    const p = presets.find((x) => x.id === preset);
    const suggested = suggestedDraft(s, kind, k.readDate, p);
    setDraft((d) => ({ ...d, ...suggested }));
  }

  /** Leaves the saved mapping: the file is mapped afresh. */
  function mapAgain(s: Sample) {
    check.invalidate();
    setSavedUsed(null);
    applySuggestions(s, presetId);
  }

  function applySaved(m: SavedLedgerMapping, s: Sample) {
    const missing = missingColumns(m, s.header);
    if (missing.length) {
      setShapeNote(
        `This file does not have the saved mapping's shape: no column ${missing.map((n) => `"${n}"`).join(", ")}. Its columns are mapped afresh below.`,
      );
      setSavedUsed(null);
      return applySuggestions(s, presetId);
    }
    setSavedUsed(m);
    setShapeNote(null);
    setDraft(savedDraft(m, units));
  }

  const { columns } = draft;
  const rows = useMemo(() => (sample ? dataRows(sample, columns) : []), [sample, columns]);
  const dateCandidates = useMemo(
    () =>
      sample && columns.date
        ? dateFormatsReading(
            rows.map((r) => cell(sample, r, columns.date)),
            k.readDate,
          )
        : [],
    [sample, rows, columns.date, k.readDate],
  );
  // The values seen in the first rows that the draft does not hold yet.
  const accountValues = useMemo(
    () => distinct(sample, rows, columns.account, draft.accounts),
    [sample, rows, columns.account, draft.accounts],
  );
  const centreValues = useMemo(
    () => distinct(sample, rows, columns.costCentre, draft.centres),
    [sample, rows, columns.costCentre, draft.centres],
  );
  const currencies = useMemo(
    () =>
      sample && columns.currency
        ? [...new Set(rows.map((r) => cell(sample, r, columns.currency).toUpperCase()).filter((c) => c && c !== currency))]
        : [],
    [sample, rows, columns.currency, currency],
  );
  const values = readDraft(draft, sample?.encoding ?? "utf-8", { accounts: accountValues, centres: centreValues }, units, canCreateUnits);
  const parsed = KIND_MAPPING[kind].safeParse(values.mapping);
  const mappingIssues = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.message))];

  return (
    <div className="space-y-6">
      <Step n={1} title="Choose the file">
        <LedgerFileChooser
          presets={presets}
          anyLabel={k.anyLabel}
          idPrefix={fileId}
          presetId={presetId}
          onPreset={(id) => {
            setPresetId(id);
            if (sample && !savedUsed) applySuggestions(sample, id);
          }}
          onFile={(f) => void chooseFile(f)}
          fileError={fileError}
        />
      </Step>

      {sample ? (
        <>
          <Step n={2} title="Preview">
            <LedgerPreviewStep
              sample={sample}
              idPrefix={fileId}
              savedUsed={savedUsed}
              nearby={nearby}
              shapeNote={shapeNote}
              onMapAgain={() => mapAgain(sample)}
              onUseSaved={(m) => {
                check.invalidate();
                applySaved(m, sample);
              }}
              deletion={deletion}
              onDeleted={(m) => {
                setSaved((list) => list.filter((x) => x.id !== m.id));
                setNearby((n) => (n?.m.id === m.id ? null : n));
                if (savedUsed?.id === m.id) mapAgain(sample);
              }}
              onEncoding={(encoding) => {
                check.invalidate();
                void readSample(file.current!, encoding);
              }}
            />
          </Step>

          <Step n={3} title="Map columns">
            <LedgerColumnMapping
              fields={KIND_FIELDS[kind]}
              required={kind === "HIRING_PLAN" ? ["title", "level", "date", "amount"] : undefined}
              idPrefix={fileId}
              headerOptions={sample.header.filter(Boolean)}
              draft={draft}
              onEdit={edit}
              dateCandidates={dateCandidates}
              exampleDate={firstDate(sample, rows, columns.date)}
              units={units}
              signed={kind === "ACTUALS"}
            />
          </Step>

          <Step n={4} title="Map values">
            <LedgerValueMapping
              idPrefix={fileId}
              draft={draft}
              values={values}
              onEdit={edit}
              units={units}
              newUnitsIn={canCreateUnits ? org : undefined}
              currencies={currencies}
              orgCurrency={currency}
            />
          </Step>

          <Step n={5} title="Check and import">
            <CheckAndImport
              issues={mappingIssues}
              ready={parsed.success}
              busy={check.busy}
              checked={check.checked}
              problems={check.problems}
              onCheck={() => void check.run("check", file.current, parsed.success ? parsed.data : null)}
              onImport={() => void check.run("import", file.current, parsed.success ? parsed.data : null)}
            />
          </Step>
        </>
      ) : null}
    </div>
  );
}
