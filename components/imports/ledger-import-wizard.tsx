"use client";

import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import Papa from "papaparse";
import { useId, useMemo, useRef, useState } from "react";

import { LedgerFilePreview, ProblemList, Step } from "@/components/imports/ledger-import-parts";
import { LedgerValueMapping } from "@/components/imports/ledger-value-mapping";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { checkMappedActualsAction, importMappedActualsAction } from "@/lib/imports/actions";
import { findHeaderRow, isSummaryRow, suggestCategory, suggestColumns, suggestCostCentre } from "@/lib/imports/ledger-detect";
import {
  headerKey,
  headerSignature,
  type LedgerField,
  LEDGER_FIELDS,
  type LedgerMappingInput,
  valueKey,
  ZLedgerMapping,
} from "@/lib/imports/ledger-mapping";
import { LEDGER_PRESETS } from "@/lib/imports/ledger-presets";
import { DATE_FORMATS, type DateFormat, dateFormatsReading, type DecimalMark } from "@/lib/imports/ledger-values";
import type { SavedLedgerMapping } from "@/lib/imports/queries";

/** How much of the file the mapping steps read: its first rows only; the import streams it all. */
const SAMPLE_BYTES = 256 * 1024;
const PREVIEW_ROWS = 8;

type Encoding = LedgerMappingInput["encoding"];
type Sample = { header: string[]; headerAt: number; rows: string[][]; encoding: Encoding };
type Problems = { message: string; rows: string[]; unmapped: string[] };
type Checked = { rowCount: number; summaryRows: number; ignoredRows: number; newVendorCount: number };

/** The file's first bytes as text: UTF-8 when they are (with or without a BOM), else Windows-1252. */
function decodeStart(bytes: Uint8Array, encoding?: Encoding): { text: string; encoding: Encoding } {
  if (encoding) return { text: new TextDecoder(encoding).decode(bytes), encoding };
  try {
    // A multi-byte character cut by the sample's end is not a reason to think the file is not UTF-8.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, utf8Boundary(bytes))), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
function utf8Boundary(b: Uint8Array): number {
  const end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = b[end - i];
    if ((byte & 0xc0) === 0xc0) return end - i; // a lead byte whose sequence may be cut
    if ((byte & 0x80) === 0) break;
  }
  return end;
}

export function LedgerImportWizard({
  org,
  currency,
  saved,
  units,
}: {
  org: string;
  currency: string;
  saved: SavedLedgerMapping[];
  units: { code: string; name: string }[];
}) {
  const router = useRouter();
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
    const bytes = new Uint8Array(await f.slice(0, SAMPLE_BYTES).arrayBuffer());
    const decoded = decodeStart(bytes, encoding);
    const rows = Papa.parse<string[]>(decoded.text, { skipEmptyLines: false }).data;
    if (f.size > SAMPLE_BYTES) rows.pop(); // the last row may be cut by the sample's end
    const headerAt = findHeaderRow(rows);
    if (headerAt < 0) {
      setSample(null);
      setFileError("No header row was found in the file's first 50 rows. Is it a CSV export with column names?");
      return null;
    }
    const s: Sample = { header: rows[headerAt].map((c) => c.trim()), headerAt, rows: rows.slice(headerAt + 1), encoding: decoded.encoding };
    setSample(s);
    setFileError(null);
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
    const keys = new Set(s.header.map(headerKey));
    const close = saved
      .map((m) => {
        const cols = Object.values(m.mapping.columns).filter((n): n is string => !!n);
        return {
          m,
          missing: cols.filter((n) => !keys.has(headerKey(n))),
          share: cols.filter((n) => keys.has(headerKey(n))).length / cols.length,
        };
      })
      .filter((c) => c.share >= 0.5)
      .sort((a, b) => b.share - a.share)[0];
    if (close) setNearby(close);
  }

  function applySuggestions(s: Sample, preset: string) {
    const p = LEDGER_PRESETS.find((x) => x.id === preset);
    const keys = new Set(s.header.map(headerKey));
    const fromPreset = Object.fromEntries(Object.entries(p?.columns ?? {}).filter(([, name]) => keys.has(headerKey(name!))));
    const cols = { ...suggestColumns(s.header), ...fromPreset };
    if (cols.debit && cols.credit) delete cols.amount;
    setColumns(cols);
    const formats = dateFormatsReading(dataRows(s, cols).map((r) => cell(s, r, cols.date)));
    // Never a silent guess: a format is pre-chosen only when it is the one that reads every sample
    // date, or the preset the person picked names it and the dates allow it.
    setDateFormat(
      formats.length === 1 ? formats[0] : p?.dateFormat && formats.includes(p.dateFormat) && formats.length < 3 ? p.dateFormat : "",
    );
    setDecimalMark(p?.decimalMark ?? ".");
    setAccounts(new Map());
    setCentres(new Map());
    setRates(new Map());
  }

  function applySaved(m: SavedLedgerMapping, s: Sample) {
    const keys = new Set(s.header.map(headerKey));
    const missing = Object.values(m.mapping.columns).filter((n): n is string => !!n && !keys.has(headerKey(n)));
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
    () => (sample && columns.date ? dateFormatsReading(rows.map((r) => cell(sample, r, columns.date))) : []),
    [sample, rows, columns.date],
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
    accounts: [...new Set([...accounts.keys(), ...accountValues.map(valueKey)])]
      .map((k) => accounts.get(k) ?? { value: accountValues.find((v) => valueKey(v) === k) ?? k, category: "" })
      .map((a) => ({ value: a.value, category: a.category || accountChoice(a.value) }))
      .filter((a) => a.category) as LedgerMappingInput["accounts"],
    costCentres: [...new Set([...centres.keys(), ...centreValues.map(valueKey)])]
      .map((k) => centres.get(k) ?? { value: centreValues.find((v) => valueKey(v) === k) ?? k, code: "" })
      .map((c) => ({ value: c.value, code: c.code || centreChoice(c.value) }))
      .filter((c) => c.code),
    rates: [...rates.entries()].filter(([, r]) => r.trim()).map(([c, rate]) => ({ currency: c, rate })),
  };
  const parsed = ZLedgerMapping.safeParse(mapping);
  const mappingIssues = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.message))];
  // What step 4 lists: the first rows' values and any the mapping (saved, or a check) already holds.
  const accountList = [...new Set([...accountValues, ...[...accounts.values()].map((a) => a.value)])];
  const centreList = [...new Set([...centreValues, ...[...centres.values()].map((c) => c.value)])];
  const unmappedCount = accountList.filter((v) => !accountChoice(v)).length + centreList.filter((v) => !centreChoice(v)).length;

  async function stage(): Promise<string | null> {
    if (uploadId) return uploadId;
    const f = file.current!;
    const res = await fetch(`/${org}/budgets/import?kind=stage&name=${encodeURIComponent(f.name)}`, {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: f,
    });
    const r = (await res.json().catch(() => null)) as { ok: boolean; data?: { uploadId: string }; message?: string } | null;
    if (!r?.ok || !r.data) {
      setProblems({ message: r?.message ?? "The upload failed. Please try again.", rows: [], unmapped: [] });
      return null;
    }
    setUploadId(r.data.uploadId);
    return r.data.uploadId;
  }

  async function run(mode: "check" | "import") {
    if (!parsed.success || !file.current) return;
    setBusy(mode);
    setProblems(null);
    try {
      const id = await stage();
      if (!id) return;
      const input = { uploadId: id, fileName: file.current.name, mapping: parsed.data };
      const result = mode === "check" ? await checkMappedActualsAction(org, input) : await importMappedActualsAction(org, input);
      if (!result.ok) {
        const fe = result.fieldErrors ?? {};
        setChecked(null);
        setProblems({
          message: result.message,
          rows: [...(fe.mapping ?? []), ...(fe.encoding ?? []), ...(fe.file ?? [])],
          unmapped: fe.unmapped ?? [],
        });
        // Values further down the file than the first rows: offered for mapping now.
        if (fe.unmappedAccount?.length)
          setAccounts(
            (m) =>
              new Map([
                ...m,
                ...fe.unmappedAccount!.filter((v) => !m.has(valueKey(v))).map((v) => [valueKey(v), { value: v, category: "" }] as const),
              ]),
          );
        if (fe.unmappedCostCentre?.length)
          setCentres(
            (m) =>
              new Map([
                ...m,
                ...fe.unmappedCostCentre!.filter((v) => !m.has(valueKey(v))).map((v) => [valueKey(v), { value: v, code: "" }] as const),
              ]),
          );
        return;
      }
      if (mode === "check") return setChecked(result.data);
      const d = result.data;
      toast.success(
        `Imported ${d.insertedCount} of ${d.rowCount} ledger lines`,
        d.skippedCount ? `${d.skippedCount} already imported, skipped.` : undefined,
      );
      router.push(`/${org}/budgets`);
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
        <div className="grid gap-4 md:grid-cols-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${fileId}-preset`} className="text-sm font-medium">
              Exported from
            </label>
            <NativeSelect
              id={`${fileId}-preset`}
              value={presetId}
              onChange={(e) => {
                setPresetId(e.target.value);
                if (sample && !savedUsed) applySuggestions(sample, e.target.value);
              }}
            >
              <option value="">Any ledger (detect from the header)</option>
              {LEDGER_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </NativeSelect>
            {presetId ? (
              <p className="text-xs text-muted-foreground">{LEDGER_PRESETS.find((p) => p.id === presetId)?.howToExport}</p>
            ) : null}
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={fileId} className="text-sm font-medium">
              CSV file (up to 100 MB)
            </label>
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => void chooseFile(e.target.files?.[0])}
              aria-describedby={fileError ? `${fileId}-error` : undefined}
              className="text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-background file:px-3 file:py-1.5 file:text-sm"
            />
            {fileError ? (
              <p id={`${fileId}-error`} role="alert" className="text-sm text-destructive">
                {fileError}
              </p>
            ) : null}
          </div>
        </div>
        <p className="text-xs text-muted-foreground">
          Samples:{" "}
          {LEDGER_PRESETS.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? " · " : null}
              <a href={p.sample} download className="underline underline-offset-2">
                {p.id === "keel" ? "Keel template" : p.name.split(" — ")[0]}
              </a>
            </span>
          ))}
        </p>
      </Step>

      {sample ? (
        <>
          <Step n={2} title="Preview">
            {savedUsed ? (
              <div role="status" className="flex flex-wrap items-center gap-2 rounded-md border border-border bg-muted/40 p-3 text-sm">
                <span>
                  Mapped with the mapping saved for files with these columns ({new Date(savedUsed.updatedAt).toLocaleDateString()}).
                </span>
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  onClick={() => {
                    touched();
                    setSavedUsed(null);
                    applySuggestions(sample, presetId);
                  }}
                >
                  Map again
                </Button>
              </div>
            ) : null}
            {nearby && !savedUsed ? (
              <div
                role="status"
                className="flex flex-wrap items-center gap-2 rounded-md border border-amber-500/40 bg-amber-500/5 p-3 text-sm"
              >
                <span>
                  This file&apos;s columns differ from a saved mapping&apos;s (saved {new Date(nearby.m.updatedAt).toLocaleDateString()}
                  {nearby.missing.length
                    ? `; this file has no ${nearby.missing.map((n) => `"${n}"`).join(", ")}`
                    : "; this file has other columns too"}
                  ). Its columns are mapped afresh below.
                </span>
                {nearby.missing.length === 0 ? (
                  <Button
                    type="button"
                    variant="outline"
                    size="sm"
                    onClick={() => {
                      touched();
                      applySaved(nearby.m, sample);
                    }}
                  >
                    Use the saved mapping
                  </Button>
                ) : null}
              </div>
            ) : null}
            {shapeNote ? (
              <p role="status" className="rounded-md border border-amber-500/40 bg-amber-500/5 p-3 text-sm">
                {shapeNote}
              </p>
            ) : null}
            <LedgerFilePreview
              header={sample.header}
              headerRow={sample.headerAt + 1}
              rows={sample.rows
                .map((r, i) => [sample.headerAt + 2 + i, r] as [number, string[]])
                .filter(([, r]) => r.some((c) => c.trim() !== ""))
                .slice(0, PREVIEW_ROWS)}
            />
            <div className="flex flex-col gap-1 sm:max-w-xs">
              <label htmlFor={`${fileId}-enc`} className="text-sm font-medium">
                Character encoding
              </label>
              <NativeSelect
                id={`${fileId}-enc`}
                value={sample.encoding}
                onChange={(e) => {
                  touched();
                  void readSample(file.current!, e.target.value as Encoding);
                }}
              >
                <option value="utf-8">UTF-8</option>
                <option value="windows-1252">Windows-1252 (older Excel / Windows exports)</option>
              </NativeSelect>
            </div>
          </Step>

          <Step n={3} title="Map columns">
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {(Object.keys(LEDGER_FIELDS) as LedgerField[]).map((f) => (
                <div key={f} className="flex flex-col gap-1">
                  <label htmlFor={`${fileId}-col-${f}`} className="text-sm font-medium">
                    {LEDGER_FIELDS[f]}
                    {f === "date" || f === "account" ? " *" : ""}
                  </label>
                  <NativeSelect
                    id={`${fileId}-col-${f}`}
                    value={columns[f] ?? ""}
                    onChange={(e) => {
                      touched();
                      setColumns((c) => ({ ...c, [f]: e.target.value || undefined }));
                    }}
                  >
                    <option value="">— not in this file —</option>
                    {headerOptions.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </NativeSelect>
                </div>
              ))}
            </div>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Dates are written *</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-2">
                {(Object.keys(DATE_FORMATS) as DateFormat[]).map((f) => (
                  <label key={f} className="flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name={`${fileId}-date`}
                      value={f}
                      checked={dateFormat === f}
                      onChange={() => {
                        touched();
                        setDateFormat(f);
                      }}
                    />
                    {DATE_FORMATS[f]}
                    {columns.date && !dateCandidates.includes(f) ? (
                      <span className="text-xs text-muted-foreground">(does not read the first rows)</span>
                    ) : null}
                  </label>
                ))}
              </div>
              {!dateFormat && dateCandidates.length > 1 ? (
                <p className="text-sm text-amber-700 dark:text-amber-400">
                  The first rows&apos; dates read more than one way (e.g. {firstDate(sample, rows, columns.date)}): choose how this file
                  writes them.
                </p>
              ) : null}
            </fieldset>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              <div className="flex flex-col gap-1">
                <label htmlFor={`${fileId}-dec`} className="text-sm font-medium">
                  Amounts are written
                </label>
                <NativeSelect
                  id={`${fileId}-dec`}
                  value={decimalMark}
                  onChange={(e) => {
                    touched();
                    setDecimalMark(e.target.value as DecimalMark);
                  }}
                >
                  <option value=".">1,234.56 (decimal point)</option>
                  <option value=",">1.234,56 (decimal comma)</option>
                </NativeSelect>
              </div>
              {!columns.costCentre ? (
                <div className="flex flex-col gap-1">
                  <label htmlFor={`${fileId}-fixed`} className="text-sm font-medium">
                    Cost centre for every row
                  </label>
                  <NativeSelect
                    id={`${fileId}-fixed`}
                    value={fixedCostCentre}
                    onChange={(e) => {
                      touched();
                      setFixedCostCentre(e.target.value);
                    }}
                  >
                    <option value="">Choose…</option>
                    {units.map((u) => (
                      <option key={u.code} value={u.code}>
                        {u.code} — {u.name}
                      </option>
                    ))}
                  </NativeSelect>
                </div>
              ) : null}
              {columns.amount ? (
                <label className="flex items-center gap-2 self-end text-sm">
                  <input
                    type="checkbox"
                    checked={spendIsNegative}
                    onChange={(e) => {
                      touched();
                      setSpendIsNegative(e.target.checked);
                    }}
                  />
                  Spending is written as negative amounts
                </label>
              ) : null}
            </div>
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
            {mappingIssues.length ? (
              <ul className="list-disc space-y-0.5 pl-5 text-sm text-amber-700 dark:text-amber-400" data-testid="mapping-issues">
                {mappingIssues.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
            <p className="text-sm text-muted-foreground">
              Checking reads the whole file through the mapping and lists every problem with its row and column; nothing is written until
              every row passes. A file that passes saves this mapping for the next file with these columns.
            </p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="outline" disabled={!ready || !!busy} onClick={() => void run("check")}>
                {busy === "check" ? "Checking…" : "Check the file"}
              </Button>
              <Button type="button" disabled={!ready || !checked || !!busy} onClick={() => void run("import")}>
                <FileUp className="size-4" aria-hidden />
                {busy === "import" ? "Importing…" : "Import"}
              </Button>
            </div>
            {checked ? (
              <p role="status" className="rounded-md border border-border bg-muted/40 p-3 text-sm" data-testid="check-result">
                All {checked.rowCount} {checked.rowCount === 1 ? "line passes" : "lines pass"}.
                {checked.summaryRows
                  ? ` ${checked.summaryRows} heading or total ${checked.summaryRows === 1 ? "row" : "rows"} skipped.`
                  : ""}
                {checked.ignoredRows
                  ? ` ${checked.ignoredRows} ${checked.ignoredRows === 1 ? "row" : "rows"} of ignored values skipped.`
                  : ""}
                {checked.newVendorCount
                  ? ` ${checked.newVendorCount} new ${checked.newVendorCount === 1 ? "vendor" : "vendors"} will be added.`
                  : ""}
              </p>
            ) : null}
            {problems ? <ProblemList {...problems} /> : null}
          </Step>
        </>
      ) : null}
    </div>
  );
}

function cell(s: Sample, row: readonly string[], column: string | undefined): string {
  if (!column) return "";
  const i = s.header.findIndex((h) => headerKey(h) === headerKey(column));
  return i < 0 ? "" : (row[i] ?? "").trim();
}

/** The sample's ledger lines: blank, heading and total rows left out, as the import does. */
function dataRows(s: Sample, columns: Partial<Record<LedgerField, string>>): string[][] {
  return s.rows.filter((r) => r.some((c) => c.trim() !== "") && !isSummaryRow(r, cell(s, r, columns.date)));
}

function distinct(s: Sample | null, rows: string[][], column: string | undefined, known: Map<string, unknown>): string[] {
  if (!s || !column) return [];
  const out = new Map<string, string>();
  for (const r of rows) {
    const v = cell(s, r, column);
    if (v && !out.has(valueKey(v))) out.set(valueKey(v), v);
  }
  for (const k of known.keys()) out.delete(k);
  return [...out.values()];
}

function firstDate(s: Sample, rows: string[][], column: string | undefined) {
  return rows.map((r) => cell(s, r, column)).find(Boolean) ?? "";
}
