"use client";

import { RefreshCw } from "lucide-react";
import { type ReactNode, useState, useTransition } from "react";

import { errorsOf, FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { syncPeopleFromHrisAction } from "@/lib/people/actions";
import type { HrisSyncResult } from "@/lib/people/hris/schemas";
import { HIRING_PLAN_MAX_CHARS } from "@/lib/security/body-limits";

type Choices = { csv: string; fileName: string; dateFormat: string; fillPositions: boolean; leaverVacancy: string; effectiveFrom: string };
type State = ActionResult<HrisSyncResult> | null;

/** Teams → Sync from HRIS: upload an export, read the dry run's lists, then apply them. */
export function HrisSyncDialog({ org, canFill }: { org: string; canFill: boolean }) {
  const [open, setOpen] = useState(false);
  const [choices, setChoices] = useState<Choices | null>(null);
  const [state, setState] = useState<State>(null);
  const [pending, start] = useTransition();
  const preview = state?.ok && state.data.dryRun ? state.data : null;

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
      }
    });

  async function onPreview(form: FormData) {
    const file = form.get("file");
    const csv = file instanceof File ? await file.text() : "";
    if (csv.length > HIRING_PLAN_MAX_CHARS) {
      setState({
        ok: false,
        code: "VALIDATION",
        message: "Nothing was changed.",
        fieldErrors: { csv: ["The file is too large (2 MB at most)."] },
      });
      return;
    }
    const c: Choices = {
      csv,
      fileName: file instanceof File && file.name ? file.name : "hris.csv",
      dateFormat: String(form.get("dateFormat") ?? ""),
      fillPositions: form.get("fillPositions") === "on",
      leaverVacancy: String(form.get("leaverVacancy") ?? "backfill"),
      effectiveFrom: String(form.get("effectiveFrom") ?? ""),
    };
    setChoices(c);
    run(c, true);
  }

  const errors = errorsOf(state);
  const fileErrors = [...(errors.csv ?? []), ...(errors.file ?? [])];
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
      <DialogContent className="max-w-3xl">
        <DialogHeader>
          <DialogTitle>Sync people from an HRIS export</DialogTitle>
          <DialogDescription>
            A BambooHR employee directory or Workday custom report as CSV: employee id, name, work email, job title, department, supervisor,
            hire and termination dates. Other columns are ignored. You see every change before anything is written.
          </DialogDescription>
        </DialogHeader>
        <form action={onPreview} className="space-y-4" noValidate>
          <FormAlert state={state} />
          <FormField id="hris-file" label="HRIS export (CSV)" errors={fileErrors.length ? fileErrors.slice(0, 50) : undefined}>
            <Input id="hris-file" name="file" type="file" accept=".csv,text/csv" {...describedBy("hris-file", fileErrors)} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField id="hris-dates" label="Dates in the file" errors={errors.dateFormat}>
              <NativeSelect id="hris-dates" name="dateFormat" defaultValue="" {...describedBy("hris-dates", errors.dateFormat)}>
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
          ) : null}
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
