"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useMemo, useState } from "react";

import { useDeleteMapping } from "@/components/imports/delete-mapping-dialog";
import { LedgerColumnMapping } from "@/components/imports/ledger-column-mapping";
import { EncodingSelect, LedgerFileChooser, SavedMappingNotices } from "@/components/imports/ledger-file-step";
import { CheckAndImport, LedgerFilePreview, Step } from "@/components/imports/ledger-import-parts";
import {
  cell,
  closestSaved,
  dataRows,
  distinct,
  type Encoding,
  firstDate,
  missingColumns,
  readSampleBytes,
  stageLedgerFile,
  withUnseen,
  type Sample,
  SAMPLE_BYTES,
} from "@/components/imports/ledger-sample";
import { LedgerValueMapping } from "@/components/imports/ledger-value-mapping";
import { toast } from "@/components/ui/toast";
import {
  checkMappedActualsAction,
  checkMappedPlanAction,
  checkMappedPositionsAction,
  deleteActualsMappingAction,
  deletePlanMappingAction,
  deletePositionsMappingAction,
  importMappedActualsAction,
  importMappedPlanAction,
  importMappedPositionsAction,
} from "@/lib/imports/actions";
import { suggestCategory, suggestColumns, suggestCostCentre } from "@/lib/imports/ledger-detect";
import {
  headerKey,
  headerSignature,
  KIND_FIELDS,
  type LedgerField,
  type LedgerMappingInput,
  type MappedKind,
  valueKey,
  KIND_MAPPING,
} from "@/lib/imports/ledger-mapping";
import { KIND_PRESETS } from "@/lib/imports/ledger-presets";
import { type DateFormat, dateFormatsReading, type DecimalMark, parseLedgerDate, parseLedgerMonth } from "@/lib/imports/ledger-values";
import type { SavedLedgerMapping } from "@/lib/imports/queries";

const PREVIEW_ROWS = 8;

type Problems = { message: string; rows: string[]; unmapped: string[] };
type Checked = { rowCount: number; summaryRows: number; ignoredRows: number; newVendorCount?: number };

/** What differs between the kinds the wizard imports: its actions, how dates read, its words. */
const KINDS = {
  ACTUALS: {
    check: checkMappedActualsAction,
    import: importMappedActualsAction,
    remove: deleteActualsMappingAction,
    readDate: parseLedgerDate,
    anyLabel: "Any ledger (detect from the header)",
    done: "budgets",
    imported: (d: { insertedCount: number; rowCount: number; skippedCount: number }) =>
      [
        `Imported ${d.insertedCount} of ${d.rowCount} ledger lines`,
        d.skippedCount ? `${d.skippedCount} already imported, skipped.` : undefined,
      ] as const,
  },
  BUDGET: {
    check: checkMappedPlanAction,
    import: importMappedPlanAction,
    remove: deletePlanMappingAction,
    readDate: parseLedgerMonth,
    anyLabel: "Any spreadsheet (detect from the header)",
    done: "budgets",
    imported: (d: { insertedCount: number; rowCount: number }) => [`Imported ${d.rowCount} plan lines`, undefined] as const,
  },
  HIRING_PLAN: {
    check: checkMappedPositionsAction,
    import: importMappedPositionsAction,
    remove: deletePositionsMappingAction,
    readDate: parseLedgerDate,
    anyLabel: "Any spreadsheet (detect from the header)",
    done: "headcount",
    imported: (d: { created?: number }) => [`Imported ${d.created ?? 0} planned positions`, undefined] as const,
  },
} as const;

export function LedgerImportWizard({
  kind = "ACTUALS",
  org,
  currency,
  saved: savedAtLoad,
  units,
}: {
  kind?: MappedKind;
  org: string;
  currency: string;
  saved: SavedLedgerMapping[];
  units: { code: string; name: string }[];
}) {
  const k = KINDS[kind];
  const presets = KIND_PRESETS[kind];
  const router = useRouter();
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
  const [columns, setColumns] = useState<Partial<Record<LedgerField, string>>>({});
  const [dateFormat, setDateFormat] = useState<DateFormat | "">("");
  const [decimalMark, setDecimalMark] = useState<DecimalMark>(".");
  const [spendIsNegative, setSpendIsNegative] = useState(false);
  const [fixedCostCentre, setFixedCostCentre] = useState("");
  const [accounts, setAccounts] = useState<Map<string, { value: string; category: string }>>(new Map());
  const [centres, setCentres] = useState<Map<string, { value: string; code: string }>>(new Map());
  const [rates, setRates] = useState<Map<string, string>>(new Map());
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problems, setProblems] = useState<Problems | null>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);

  /** Any change to the mapping invalidates an earlier check. */
  const touched = () => {
    setChecked(null);
    setProblems(null);
  };

  async function readSample(f: File, encoding?: Encoding) {
    const s = readSampleBytes(new Uint8Array(await f.slice(0, SAMPLE_BYTES).arrayBuffer()), f.size, encoding, kind);
    setSample(s);
    setFileError(s ? null : "No header row was found in the file's first 50 rows. Is it a CSV export with column names?");
    return s;
  }

  async function chooseFile(f: File | undefined) {
    touched();
    setUploadId(null);
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
    const keys = new Set(s.header.map(headerKey));
    const fromPreset = Object.fromEntries(Object.entries(p?.columns ?? {}).filter(([, name]) => keys.has(headerKey(name!))));
    const cols = { ...suggestColumns(s.header, kind), ...fromPreset };
    if (cols.debit && cols.credit) delete cols.amount;
    setColumns(cols);
    const dates = dataRows(s, cols).map((r) => cell(s, r, cols.date));
    const formats = dateFormatsReading(dates, k.readDate);
    // Never a silent guess: a format is pre-chosen only when it is the one that reads every sample
    // date, when every format reading them reads them alike ("Nov 2026"), or when the preset the
    // person picked names it and the dates allow it.
    const alike = formats.length > 1 && dates.every((d) => new Set(formats.map((f) => k.readDate(d, f))).size === 1);
    setDateFormat(
      formats.length === 1 || alike
        ? formats[0]
        : p?.dateFormat && formats.includes(p.dateFormat) && formats.length < 3
          ? p.dateFormat
          : "",
    );
    setDecimalMark(p?.decimalMark ?? ".");
    setAccounts(new Map());
    setCentres(new Map());
    setRates(new Map());
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
    const mm = m.mapping;
    setColumns(Object.fromEntries(Object.entries(mm.columns).filter(([, v]) => v)));
    setDateFormat(mm.dateFormat);
    setDecimalMark(mm.decimalMark);
    setSpendIsNegative(mm.spendIsNegative);
    setFixedCostCentre(mm.fixedCostCentre ?? "");
    setAccounts(new Map(mm.accounts.map((a) => [valueKey(a.value), { value: a.value, category: a.category }])));
    setCentres(new Map(mm.costCentres.map((c) => [valueKey(c.value), { value: c.value, code: c.code }])));
    setRates(new Map(mm.rates.map((r) => [r.currency, r.rate])));
  }

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
  // The values seen in the first rows, with what each maps to (saved, chosen or suggested).
  const accountValues = useMemo(() => distinct(sample, rows, columns.account, accounts), [sample, rows, columns.account, accounts]);
  const centreValues = useMemo(() => distinct(sample, rows, columns.costCentre, centres), [sample, rows, columns.costCentre, centres]);
  const currencies = useMemo(
    () =>
      sample && columns.currency
        ? [...new Set(rows.map((r) => cell(sample, r, columns.currency).toUpperCase()).filter((c) => c && c !== currency))]
        : [],
    [sample, rows, columns.currency, currency],
  );
  const accountChoice = (v: string) => accounts.get(valueKey(v))?.category ?? suggestCategory(v) ?? "";
  const centreChoice = (v: string) =>
    centres.get(valueKey(v))?.code ?? suggestCostCentre(v, units) ?? (units.some((u) => u.code.toLowerCase() === v.toLowerCase()) ? v : "");

  const mapping: LedgerMappingInput = {
    encoding: sample?.encoding ?? "utf-8",
    dateFormat: dateFormat as DateFormat,
    decimalMark,
    spendIsNegative,
    columns: { ...(columns as LedgerMappingInput["columns"]) },
    fixedCostCentre: fixedCostCentre || undefined,
    // Every value the mapping holds or the first rows show, with what it maps to; unmapped ones left out.
    accounts: [...[...accounts.values()].map((a) => a.value), ...accountValues]
      .map((value) => ({ value, category: accountChoice(value) }))
      .filter((a) => a.category) as LedgerMappingInput["accounts"],
    costCentres: [...[...centres.values()].map((c) => c.value), ...centreValues]
      .map((value) => ({ value, code: centreChoice(value) }))
      .filter((c) => c.code),
    rates: [...rates.entries()].filter(([, r]) => r.trim()).map(([c, rate]) => ({ currency: c, rate })),
  };
  const parsed = KIND_MAPPING[kind].safeParse(mapping);
  const mappingIssues = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.message))];
  // What step 4 lists: the first rows' values and any the mapping (saved, or a check) already holds.
  const accountList = [...new Set([...accountValues, ...[...accounts.values()].map((a) => a.value)])];
  const centreList = [...new Set([...centreValues, ...[...centres.values()].map((c) => c.value)])];
  const unmappedCount = accountList.filter((v) => !accountChoice(v)).length + centreList.filter((v) => !centreChoice(v)).length;

  async function stage(): Promise<string | null> {
    if (uploadId) return uploadId;
    const staged = await stageLedgerFile(org, file.current!);
    if ("message" in staged) {
      setProblems({ message: staged.message, rows: [], unmapped: [] });
      return null;
    }
    setUploadId(staged.uploadId);
    return staged.uploadId;
  }

  async function run(mode: "check" | "import") {
    if (!parsed.success || !file.current) return;
    setBusy(mode);
    setProblems(null);
    try {
      const id = await stage();
      if (!id) return;
      const input = { uploadId: id, fileName: file.current.name, mapping: parsed.data };
      const result = await k[mode](org, input);
      if (!result.ok) {
        const fe = result.fieldErrors ?? {};
        setChecked(null);
        setProblems({
          message: result.message,
          rows: [...(fe.mapping ?? []), ...(fe.encoding ?? []), ...(fe.file ?? [])],
          unmapped: fe.unmapped ?? [],
        });
        // Values further down the file than the first rows: offered for mapping now.
        setAccounts((m) => withUnseen(m, fe.unmappedAccount, (value) => ({ value, category: "" })));
        setCentres((m) => withUnseen(m, fe.unmappedCostCentre, (value) => ({ value, code: "" })));
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

  const headerOptions = sample?.header.filter(Boolean) ?? [];
  const ready = !!sample && parsed.success;

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
            <SavedMappingNotices
              savedUsed={savedUsed}
              nearby={nearby}
              shapeNote={shapeNote}
              onMapAgain={() => {
                touched();
                setSavedUsed(null);
                applySuggestions(sample, presetId);
              }}
              onUseSaved={(m) => {
                touched();
                applySaved(m, sample);
              }}
              onDelete={deletion.ask}
            />
            {deletion.dialog((m) => {
              setSaved((list) => list.filter((x) => x.id !== m.id));
              setNearby((n) => (n?.m.id === m.id ? null : n));
              if (savedUsed?.id === m.id) {
                touched();
                setSavedUsed(null);
                applySuggestions(sample, presetId);
              }
            })}
            <LedgerFilePreview
              header={sample.header}
              headerRow={sample.headerAt + 1}
              rows={sample.rows
                .map((r, i) => [sample.headerAt + 2 + i, r] as [number, string[]])
                .filter(([, r]) => r.some((c) => c.trim() !== ""))
                .slice(0, PREVIEW_ROWS)}
            />
            <EncodingSelect
              idPrefix={fileId}
              value={sample.encoding}
              onChange={(encoding) => {
                touched();
                void readSample(file.current!, encoding);
              }}
            />
          </Step>

          <Step n={3} title="Map columns">
            <LedgerColumnMapping
              fields={KIND_FIELDS[kind]}
              required={kind === "HIRING_PLAN" ? ["title", "level", "date", "amount"] : undefined}
              idPrefix={fileId}
              headerOptions={headerOptions}
              columns={columns}
              onColumn={(f, column) => {
                touched();
                setColumns((c) => ({ ...c, [f]: column }));
              }}
              dateFormat={dateFormat}
              dateCandidates={dateCandidates}
              exampleDate={firstDate(sample, rows, columns.date)}
              onDateFormat={(f) => {
                touched();
                setDateFormat(f);
              }}
              decimalMark={decimalMark}
              onDecimalMark={(m) => {
                touched();
                setDecimalMark(m);
              }}
              units={units}
              fixedCostCentre={fixedCostCentre}
              onFixedCostCentre={(code) => {
                touched();
                setFixedCostCentre(code);
              }}
              spendIsNegative={spendIsNegative}
              onSpendIsNegative={
                kind === "ACTUALS"
                  ? (negative) => {
                      touched();
                      setSpendIsNegative(negative);
                    }
                  : undefined
              }
            />
          </Step>

          <Step n={4} title="Map values">
            <LedgerValueMapping
              idPrefix={fileId}
              accountColumn={columns.account}
              centreColumn={columns.costCentre}
              accounts={accountList}
              centres={centreList}
              accountChoice={accountChoice}
              centreChoice={centreChoice}
              units={units}
              onAccount={(value, category) => {
                touched();
                setAccounts((m) => new Map(m).set(valueKey(value), { value, category }));
              }}
              onCentre={(value, code) => {
                touched();
                setCentres((m) => new Map(m).set(valueKey(value), { value, code }));
              }}
              currencies={currencies}
              orgCurrency={currency}
              rates={rates}
              onRate={(c, r) => {
                touched();
                setRates((m) => new Map(m).set(c, r));
              }}
              unmappedCount={unmappedCount}
            />
          </Step>

          <Step n={5} title="Check and import">
            <CheckAndImport
              issues={mappingIssues}
              ready={ready}
              busy={busy}
              checked={checked}
              problems={problems}
              onCheck={() => void run("check")}
              onImport={() => void run("import")}
            />
          </Step>
        </>
      ) : null}
    </div>
  );
}
