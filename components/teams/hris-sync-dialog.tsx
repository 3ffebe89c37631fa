"use client";

import { RefreshCw } from "lucide-react";
import { type ReactNode, useState, useTransition } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { EncodingSelect } from "@/components/imports/ledger-preview-step";
import { LedgerFilePreview } from "@/components/imports/ledger-import-parts";
import { type Encoding, distinctValues, type HrisSample, readHrisBytes, savedFor, suggestCostCentre } from "@/components/teams/hris-file";
import { HrisColumnMapping, HrisDepartmentMapping } from "@/components/teams/hris-mapping-fields";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { syncPeopleFromHrisAction } from "@/lib/people/actions";
import { HRIS_PRESETS, type HrisMappingInput, suggestHrisColumns } from "@/lib/people/hris/mapping";
import type { HrisField } from "@/lib/people/hris/parse";
import type { SavedHrisMapping } from "@/lib/people/hris/queries";
import type { HrisSyncResult } from "@/lib/people/hris/schemas";
import { HIRING_PLAN_MAX_CHARS } from "@/lib/security/body-limits";

type Choices = {
  csv: string;
  fileName: string;
  mapping: HrisMappingInput;
  dateFormat: string;
  fillPositions: boolean;
  leaverVacancy: string;
  effectiveFrom: string;
};
type State = ActionResult<HrisSyncResult> | null;
type Columns = Partial<Record<HrisField, string>>;

const tooLarge: NonNullable<State> = {
  ok: false,
  code: "VALIDATION",
  message: "Nothing was changed.",
  fieldErrors: { csv: ["The file is too large (2 MB at most)."] },
};

/**
 * Teams → Sync from HRIS: choose an export, map its columns (suggested from the header names, or
 * the org's mapping saved for files with these columns) and its departments, read the dry run's
 * lists, then apply them.
 */
export function HrisSyncDialog({
  org,
  canFill,
  saved,
  units,
}: {
  org: string;
  canFill: boolean;
  saved: SavedHrisMapping[];
  units: { code: string; name: string }[];
}) {
  const [open, setOpen] = useState(false);
  const [bytes, setBytes] = useState<{ name: string; data: Uint8Array } | null>(null);
  const [sample, setSample] = useState<HrisSample | null>(null);
  const [columns, setColumns] = useState<Columns>({});
  const [departments, setDepartments] = useState<Map<string, string>>(new Map());
  const [dateFormat, setDateFormat] = useState("");
  const [savedUsed, setSavedUsed] = useState<SavedHrisMapping | null>(null);
  const [near, setNear] = useState<{ m: SavedHrisMapping; missing: string[] } | null>(null);
  const [choices, setChoices] = useState<Choices | null>(null);
  const [state, setState] = useState<State>(null);
  const [pending, start] = useTransition();
  const preview = state?.ok && state.data.dryRun ? state.data : null;

  const suggestDepartments = (s: HrisSample, cols: Columns, known: Map<string, string>) =>
    new Map(
      distinctValues(s, cols.department).map((v) => [
        v.trim().toLowerCase(),
        known.get(v.trim().toLowerCase()) ?? suggestCostCentre(v, units),
      ]),
    );

  function mapAfresh(s: HrisSample) {
    const cols = suggestHrisColumns(s.header);
    setSavedUsed(null);
    setColumns(cols);
    setDepartments(suggestDepartments(s, cols, new Map()));
    setDateFormat("");
  }

  function takeFile(s: HrisSample) {
    setSample(s);
    setState(null);
    const found = savedFor(saved, s);
    setNear(found.near);
    if (found.exact) {
      const m = found.exact.mapping;
      setSavedUsed(found.exact);
      setColumns(m.columns);
      setDepartments(suggestDepartments(s, m.columns, new Map(m.departments.map((d) => [d.value.trim().toLowerCase(), d.code]))));
      setDateFormat(found.exact.dateFormat);
    } else mapAfresh(s);
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (file.size > HIRING_PLAN_MAX_CHARS) {
      setSample(null);
      setState(tooLarge);
      return;
    }
    const data = new Uint8Array(await file.arrayBuffer());
    setBytes({ name: file.name || "hris.csv", data });
    const s = readHrisBytes(file.name || "hris.csv", data);
    takeFile(s);
  }

  const run = (c: Choices, dryRun: boolean) =>
    start(async () => {
      let result: NonNullable<State>;
      try {
        result = await syncPeopleFromHrisAction(org, { ...c, effectiveFrom: c.effectiveFrom || undefined, dryRun });
      } catch {
        result = { ok: false, code: "VALIDATION", message: "Could not reach the server; nothing was changed. Please try again." };
      }
      setState(result);
      if (result.ok && !dryRun) {
        const d = result.data;
        toast.success(`Synced: ${d.joiners.length} joiners, ${d.leavers.length} leavers, ${d.moves.length} moves`);
        setOpen(false);
        setChoices(null);
        setState(null);
        setSample(null);
      }
    });

  function onPreview(form: FormData) {
    if (!sample) {
      setState({
        ok: false,
        code: "VALIDATION",
        message: "Nothing was changed.",
        fieldErrors: { csv: ["Choose the HRIS export (a CSV file)."] },
      });
      return;
    }
    const c: Choices = {
      csv: sample.text,
      fileName: sample.fileName,
      mapping: {
        encoding: sample.encoding,
        columns,
        departments: [...departments].flatMap(([k, code]) => {
          const value = distinctValues(sample, columns.department).find((v) => v.trim().toLowerCase() === k);
          return code && value ? [{ value, code }] : [];
        }),
      },
      dateFormat,
      fillPositions: form.get("fillPositions") === "on",
      leaverVacancy: String(form.get("leaverVacancy") ?? "backfill"),
      effectiveFrom: String(form.get("effectiveFrom") ?? ""),
    };
    setChoices(c);
    run(c, true);
  }

  const errors = errorsOf(state);
  const fileErrors = [...(errors.csv ?? []), ...(errors.file ?? []), ...(errors["mapping.departments"] ?? [])];
  const deptValues = sample ? distinctValues(sample, columns.department) : [];
  const firstDate =
    sample && columns.hireDate ? (sample.rows.map((r) => r[sample.header.indexOf(columns.hireDate!)]?.trim()).find(Boolean) ?? "") : "";
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setState(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <RefreshCw aria-hidden className="size-4" /> Sync from HRIS
        </Button>
      </DialogTrigger>
      {/* One column that may shrink: the file preview scrolls sideways inside it, not the dialog. */}
      <DialogContent className="max-w-4xl grid-cols-[minmax(0,1fr)]">
        <DialogHeader>
          <DialogTitle>Sync people from an HRIS export</DialogTitle>
          <DialogDescription>
            An employee export as CSV — BambooHR, Workday or any HRIS: map its employee id, name, work email, job title, department,
            supervisor, hire and termination dates. Other columns are not read. You see every change before anything is written.
          </DialogDescription>
        </DialogHeader>
        <p className="text-sm text-muted-foreground">
          Samples:{" "}
          {HRIS_PRESETS.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? " · " : null}
              <a className="underline underline-offset-2" href={p.sample} download>
                {p.name}
              </a>
            </span>
          ))}
        </p>
        {/* onSubmit, not a form action: an action resets the form, the chosen file and the mapping with it. */}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onPreview(new FormData(e.currentTarget));
          }}
          className="min-w-0 space-y-4"
          noValidate
        >
          <FormAlert state={state} />
          <FormField id="hris-file" label="HRIS export (CSV)" errors={fileErrors.length ? fileErrors.slice(0, 50) : undefined}>
            <Input
              id="hris-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => void onFile(e.target.files?.[0])}
              {...describedBy("hris-file", fileErrors)}
            />
          </FormField>
          {sample && bytes ? (
            <>
              <SavedNotices savedUsed={savedUsed} near={near} onMapAgain={() => mapAfresh(sample)} />
              <LedgerFilePreview header={sample.header} rows={sample.rows.slice(0, 3).map((r, i) => [i + 2, r])} headerRow={1} />
              <EncodingSelect
                idPrefix="hris"
                value={sample.encoding}
                onChange={(enc: Encoding) => takeFile(readHrisBytes(bytes.name, bytes.data, enc))}
              />
              <HrisColumnMapping
                header={sample.header}
                columns={columns}
                errors={errors}
                onChange={(field, column) => {
                  const next = { ...columns, [field]: column || undefined };
                  setColumns(next);
                  if (field === "department") setDepartments(suggestDepartments(sample, next, departments));
                }}
              />
              <HrisDepartmentMapping
                values={deptValues}
                chosen={departments}
                units={units}
                onChange={(v, code) => setDepartments(new Map([...departments, [v.trim().toLowerCase(), code]]))}
              />
            </>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField
              id="hris-dates"
              label="Dates in the file"
              help={firstDate ? `First hire date: ${firstDate}` : undefined}
              errors={errors.dateFormat}
            >
              <NativeSelect
                id="hris-dates"
                name="dateFormat"
                value={dateFormat}
                onChange={(e) => setDateFormat(e.target.value)}
                {...describedBy("hris-dates", errors.dateFormat, !!firstDate)}
              >
                <option value="">Choose…</option>
                <option value="iso">YYYY-MM-DD</option>
                <option value="us">MM/DD/YYYY</option>
                <option value="eu">DD/MM/YYYY</option>
              </NativeSelect>
            </FormField>
            <FormField id="hris-vacancy" label="A leaver's seat" errors={errors.leaverVacancy}>
              <NativeSelect id="hris-vacancy" name="leaverVacancy" defaultValue="backfill">
                <option value="backfill">Becomes a backfill</option>
                <option value="close">Is closed</option>
              </NativeSelect>
            </FormField>
            <FormField id="hris-effective" label="Moves take effect" help="Today when blank." errors={errors.effectiveFrom}>
              <Input id="hris-effective" name="effectiveFrom" type="date" {...describedBy("hris-effective", errors.effectiveFrom, true)} />
            </FormField>
          </div>
          {canFill ? (
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="fillPositions" className="mt-1" />
              <span>Joiners fill an open position of their unit with the same title</span>
            </label>
          ) : (
            <p className="text-xs text-muted-foreground">
              Joiners are added without filling open positions: filling positions needs permission to change positions (directors).
            </p>
          )}
          {errors.fillPositions ? <p className="text-xs font-medium text-destructive">{errors.fillPositions.join(" ")}</p> : null}
          <div className="flex justify-end">
            <Button type="submit" variant={preview ? "outline" : "default"} disabled={pending}>
              {pending && !preview ? "Reading…" : "Preview changes"}
            </Button>
          </div>
        </form>
        {preview && choices ? <SyncPreview result={preview} pending={pending} onApply={() => run(choices, false)} /> : null}
      </DialogContent>
    </Dialog>
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

function SyncPreview({ result: r, pending, onApply }: { result: HrisSyncResult; pending: boolean; onApply: () => void }) {
  const total = r.joiners.length + r.leavers.length + r.moves.length + r.managerChanges.length + r.titleChanges.length;
  const changes = total + r.linked.length + r.payChanges;
  return (
    <section aria-labelledby="hris-preview" className="space-y-3 border-t border-border pt-4">
      <h3 id="hris-preview" className="font-semibold">
        Dry run: {r.shapeLabel}
      </h3>
      <p className="text-sm text-muted-foreground">
        {total} changes, {r.unchanged} people unchanged{r.payChanges ? `, ${r.payChanges} pay changes` : ""}
        {r.linked.length ? `, ${r.linked.length} people linked by work email` : ""}. Moves take effect {r.effectiveFrom}.
      </p>
      <ChangeList
        title="Joiners"
        items={r.joiners.map((j) => [
          j.row,
          `${j.name} — ${j.title}, ${j.unit}, from ${j.hireDate}${j.position ? " (fills a position)" : ""}`,
        ])}
      />
      <ChangeList
        title="Leavers"
        items={r.leavers.map((l) => [
          l.row,
          `${l.name} — last day ${l.endDate}; seat ${l.vacancy === "backfill" ? "becomes a backfill" : "closed"}`,
        ])}
      />
      <ChangeList title="Moves" items={r.moves.map((m) => [m.row, `${m.name}: ${m.from} → ${m.to}`])} />
      <ChangeList title="Manager changes" items={r.managerChanges.map((m) => [m.row, `${m.name}: ${m.from ?? "no manager"} → ${m.to}`])} />
      <ChangeList title="Title changes" items={r.titleChanges.map((t) => [t.row, `${t.name}: ${t.from} → ${t.to}`])} />
      {r.unmappedDepartments.length ? (
        <Note title="Departments matching no org unit (people stay where they are; joiners are not added)">
          {r.unmappedDepartments.map((u) => `${u.department} (${u.rows.length === 1 ? "row" : "rows"} ${u.rows.join(", ")})`).join("; ")}
        </Note>
      ) : null}
      {r.ignoredDepartments.length ? (
        <Note title="Departments the mapping ignores (people stay where they are; joiners are not added)">
          {r.ignoredDepartments.map((u) => `${u.department} (${u.rows.length === 1 ? "row" : "rows"} ${u.rows.join(", ")})`).join("; ")}
        </Note>
      ) : null}
      {r.unresolvedSupervisors.length ? (
        <Note title="Supervisors not found (manager left as it is)">
          {r.unresolvedSupervisors.map((s) => `row ${s.row}: ${s.supervisor}`).join("; ")}
        </Note>
      ) : null}
      {r.skipped.length ? <Note title="Skipped rows">{r.skipped.map((s) => `row ${s.row}: ${s.reason}`).join("; ")}</Note> : null}
      {r.ignoredColumns.length ? <Note title="Columns not read">{r.ignoredColumns.join(", ")}</Note> : null}
      <div className="flex justify-end">
        <Button type="button" onClick={onApply} disabled={pending || changes === 0}>
          {pending ? "Applying…" : changes === 0 ? "Nothing to apply" : "Apply these changes"}
        </Button>
      </div>
    </section>
  );
}

function ChangeList({ title, items }: { title: string; items: [number, string][] }) {
  return (
    <details className="rounded-md border border-border px-3 py-2" open={items.length > 0 && items.length <= 10}>
      <summary className="cursor-pointer text-sm font-medium">
        {title} ({items.length})
      </summary>
      {items.length ? (
        <ul className="mt-2 space-y-1 text-sm break-words">
          {items.map(([row, text]) => (
            <li key={`${row}-${text}`}>
              <span className="text-muted-foreground">Row {row} · </span>
              {text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-muted-foreground">None.</p>
      )}
    </details>
  );
}

function Note({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="text-sm break-words">
      <p className="font-medium">{title}</p>
      <p className="text-muted-foreground">{children}</p>
    </div>
  );
}
