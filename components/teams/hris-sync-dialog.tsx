"use client";

import { RefreshCw } from "lucide-react";
import { useState, useTransition } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { closestSaved } from "@/components/imports/ledger-sample";
import {
  distinctValues,
  firstValue,
  type HrisSample,
  mappedDepartments,
  readHrisBytes,
  suggestDepartments,
} from "@/components/teams/hris-file";
import { HrisFileStep } from "@/components/teams/hris-file-step";
import { HrisColumnMapping, HrisDepartmentMapping } from "@/components/teams/hris-mapping-fields";
import { HrisSyncOptions } from "@/components/teams/hris-sync-options";
import { SyncPreview } from "@/components/teams/hris-sync-preview";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { valueKey } from "@/lib/imports/ledger-mapping";
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

  function mapAfresh(s: HrisSample) {
    const cols = suggestHrisColumns(s.header);
    setSavedUsed(null);
    setColumns(cols);
    setDepartments(suggestDepartments(s, cols.department, new Map(), units));
    setDateFormat("");
  }

  function takeFile(s: HrisSample) {
    setSample(s);
    setState(null);
    const exact = saved.find((m) => m.signature === s.signature);
    // No mapping saved for this exact shape: the closest saved one is named with what differs.
    setNear(exact ? null : (closestSaved(saved, s.header) ?? null));
    if (exact) {
      const m = exact.mapping;
      setSavedUsed(exact);
      setColumns(m.columns);
      setDepartments(suggestDepartments(s, m.columns.department, new Map(m.departments.map((d) => [valueKey(d.value), d.code])), units));
      setDateFormat(exact.dateFormat);
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
        departments: mappedDepartments(sample, columns.department, departments),
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
          <HrisFileStep
            errors={fileErrors}
            onFile={(f) => void onFile(f)}
            sample={bytes ? sample : null}
            savedUsed={savedUsed}
            near={near}
            onMapAgain={() => sample && mapAfresh(sample)}
            onEncoding={(enc) => bytes && takeFile(readHrisBytes(bytes.name, bytes.data, enc))}
          />
          {sample && bytes ? (
            <>
              <HrisColumnMapping
                header={sample.header}
                columns={columns}
                errors={errors}
                onChange={(field, column) => {
                  const next = { ...columns, [field]: column || undefined };
                  setColumns(next);
                  if (field === "department") setDepartments(suggestDepartments(sample, next.department, departments, units));
                }}
              />
              <HrisDepartmentMapping
                values={distinctValues(sample, columns.department)}
                chosen={departments}
                units={units}
                onChange={(v, code) => setDepartments(new Map([...departments, [valueKey(v), code]]))}
              />
            </>
          ) : null}
          <HrisSyncOptions
            dateFormat={dateFormat}
            onDateFormat={setDateFormat}
            firstDate={sample ? firstValue(sample, columns.hireDate) : ""}
            canFill={canFill}
            errors={errors}
          />
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
