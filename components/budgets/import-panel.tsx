"use client";

import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

type Result =
  | { ok: true; data: { rowCount: number; insertedCount: number; skippedCount: number } }
  | { ok: false; code?: string; message: string; fieldErrors?: Record<string, string[]> };

const noSubscribe = () => () => {};

/**
 * Uploads a CSV to the import route (the body is the file itself, streamed). Row errors come
 * back all at once and are listed with their row numbers; nothing was written in that case.
 */
export function ImportPanel({ org, kind, columns }: { org: string; kind: "actuals" | "plan"; columns: string }) {
  const router = useRouter();
  const inputId = useId();
  const errorsId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ message: string; rows: string[] } | null>(null);
  // The last upload's outcome, moved to after each upload so a keyboard or screen-reader user lands on it.
  const [note, setNote] = useState<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusTick) result.current?.focus();
  }, [focusTick]);
  // The upload needs JavaScript: keep the button disabled until the component is live, so a
  // click before hydration is not silently lost.
  const ready = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );

  async function upload() {
    const file = input.current?.files?.[0];
    setNote(null);
    if (!file) {
      setErrors({ message: "Choose a CSV file first.", rows: [] });
      setFocusTick((t) => t + 1);
      return;
    }
    setBusy(true);
    setErrors(null);
    try {
      const res = await fetch(`/${org}/budgets/import?kind=${kind}&name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        headers: { "Content-Type": "text/csv" },
        body: file,
      });
      const result = (await res.json().catch(() => ({ ok: false, message: "The upload failed. Please try again." }))) as Result;
      if (result.ok) {
        const { rowCount, insertedCount, skippedCount } = result.data;
        const title = `Imported ${insertedCount} of ${rowCount} ${rowCount === 1 ? "line" : "lines"}`;
        const detail = skippedCount ? `${skippedCount} already imported (same external reference), skipped.` : undefined;
        toast.success(title, detail);
        setNote(detail ? `${title}. ${detail}` : `${title}.`);
        if (input.current) input.current.value = "";
        router.refresh();
      } else if (result.code === "CONFLICT") {
        // Every line was already in: not an error in the file, and nothing was written.
        setNote(result.message);
        if (input.current) input.current.value = "";
      } else {
        setErrors({ message: result.message, rows: result.fieldErrors?.file ?? [] });
      }
    } finally {
      setBusy(false);
      setFocusTick((t) => t + 1);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="text-sm font-medium">
            {kind === "plan" ? "Plan CSV" : "Actuals CSV"}
          </label>
          <input
            id={inputId}
            ref={input}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={errors ? errorsId : undefined}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-background file:px-3 file:py-1.5 file:text-sm"
          />
        </div>
        <Button type="button" onClick={upload} disabled={busy || !ready}>
          <Upload className="size-4" aria-hidden />
          {busy ? "Importing…" : kind === "plan" ? "Import plan" : "Import actuals"}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">Columns: {columns}. Every row is checked first; one bad row refuses the whole file.</p>
      <div ref={result} tabIndex={-1} className="focus:outline-none focus-visible:ring-2 focus-visible:ring-ring">
        <p role="status" className={note ? "rounded-md border border-border bg-muted/40 p-3 text-sm" : "sr-only"}>
          {note}
        </p>
        {errors ? (
          <div id={errorsId} role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
            <p className="font-medium text-destructive">{errors.message}</p>
            {errors.rows.length ? (
              <ul className="mt-2 max-h-60 list-disc space-y-0.5 overflow-auto pl-5" data-testid="import-errors">
                {errors.rows.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
