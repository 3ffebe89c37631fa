"use client";

import { useActionState, useEffect, useRef, useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { submitKeepingInput } from "@/components/forms/submit-keeping-input";
import { Button } from "@/components/ui/button";
import { HealthBadge } from "@/components/ui/badge";
import { HEALTH_LABELS } from "@/lib/projects/health-labels";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { editStatusUpdateAction, postStatusUpdateAction } from "@/lib/projects/actions";
import type { ChosenHealth, HealthReason } from "@/lib/projects/health-rules";
import { UPDATE_BODY_HINT, UPDATE_LIMITS } from "@/lib/projects/update-limits";
import { cn } from "@/lib/utils";

type State = ActionResult<{ id: string }> | null;
const CHOICES: ChosenHealth[] = ["ON_TRACK", "AT_RISK", "OFF_TRACK"];
const RANK: Record<ChosenHealth, number> = { ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 2 };
const TEMPLATE = "**Done**\n- \n\n**Next**\n- \n\n**Risks**\n- ";

/** An update being corrected by its author (the form then edits it instead of posting). */
export type UpdateBeingEdited = { id: string; health: ChosenHealth; summary: string; body: string; overrideReason: string | null };

/** "42 / 160", red with how many too many once over: the field never cuts what was typed. */
function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  const over = length - max;
  return (
    <p id={id} className={cn("text-xs tabular-nums", over > 0 ? "font-medium text-destructive" : "text-muted-foreground")}>
      {length.toLocaleString("en-US")} / {max.toLocaleString("en-US")}
      {over > 0 ? ` — ${over.toLocaleString("en-US")} too many` : ""}
    </p>
  );
}

/**
 * The update form: health, one line, optional markdown — with the rules' suggestion beside it.
 * Posts a new update, or (given `editing`) saves the author's correction of one.
 */
export function StatusUpdateForm({
  org,
  projectId,
  suggestion,
  current,
  postedThisCycle = false,
  editing,
  onDone,
  draft,
}: {
  org: string;
  projectId: string;
  suggestion: { health: ChosenHealth; reasons: HealthReason[] };
  current: ChosenHealth | null;
  /** This cycle's update is already in: the form offers to add another, and says so. */
  postedThisCycle?: boolean;
  editing?: UpdateBeingEdited;
  /** Called after a successful edit with its result (e.g. to close its dialog and show it). */
  onDone?: (result: string) => void;
  /** The details' starting text from the project's delivery signals (lib/delivery-signals/draft.ts). */
  draft?: string | null;
}) {
  const [health, setHealth] = useState<ChosenHealth>(editing?.health ?? current ?? suggestion.health);
  const template = draft ?? TEMPLATE;
  const initialBody = editing ? editing.body : template;
  const [summaryLength, setSummaryLength] = useState(editing?.summary.length ?? 0);
  const [bodyLength, setBodyLength] = useState(initialBody.length);
  const [posted, setPosted] = useState(false);
  // Bumped after a successful post: remounting the form clears summary, reason and details.
  const [formKey, setFormKey] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const fields = Object.fromEntries(form);
    const result = editing
      ? await editStatusUpdateAction(org, { ...fields, updateId: editing.id })
      : await postStatusUpdateAction(org, { ...fields, projectId });
    if (result.ok) {
      toast.success(editing ? "Update saved" : "Update posted");
      if (editing) onDone?.(`Update saved: ${String(fields.summary ?? "").trim()}`);
      else {
        setFormKey((k) => k + 1);
        setSummaryLength(0);
        setBodyLength(template.length);
        setPosted(true);
      }
    }
    return result;
  }, null);

  // Focus follows the result: the confirmation after a post, else the first field to fix (or
  // the form's message), so neither a keyboard nor a screen-reader user is left on <body>.
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      doneRef.current?.focus();
      return;
    }
    const target =
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? formRef.current?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [state]);

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const needsReason = RANK[health] < RANK[suggestion.health];
  const alreadyIn = postedThisCycle || posted;
  const idp = editing ? `edit-${editing.id}-` : "";
  const id = (name: string) => `${idp}${name}`;
  const withCount = (name: string, errs: string[] | undefined) => {
    const base = describedBy(id(name), errs, true);
    return { ...base, "aria-describedby": `${base["aria-describedby"] ?? ""} ${id(name)}-count`.trim() };
  };

  return (
    <div className="space-y-3">
      {posted && !editing ? (
        <p
          ref={doneRef}
          tabIndex={-1}
          role="status"
          className="rounded-md border border-health-on-track/30 bg-health-on-track-soft px-3 py-2 text-sm text-health-on-track-text outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          Update posted: it is the latest update below. You can edit or delete it for 24 hours.
        </p>
      ) : null}
      {alreadyIn && !editing ? (
        <p className="text-sm text-muted-foreground" data-testid="update-already-in">
          This cycle&apos;s update is in. Add another only if something changed since; to correct an update you posted, use its Edit button
          below (for 24 hours).
        </p>
      ) : null}
      <form
        key={formKey}
        ref={formRef}
        onSubmit={submitKeepingInput(formAction)}
        className={cn("grid grid-cols-1 gap-5", !editing && "md:grid-cols-[1fr_16rem]")}
        noValidate
        aria-label={editing ? "Edit status update" : "Post a status update"}
      >
        <div className="min-w-0 space-y-4">
          <FormAlert state={state} />
          <fieldset className="space-y-1.5" {...describedBy(id("health"), errors.health)}>
            <legend className="text-sm font-medium">Health</legend>
            <div className="flex flex-wrap gap-2">
              {CHOICES.map((h) => (
                <label
                  key={h}
                  className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary-soft has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
                >
                  <input
                    type="radio"
                    name="health"
                    value={h}
                    checked={health === h}
                    onChange={() => setHealth(h)}
                    className="accent-primary"
                  />
                  {HEALTH_LABELS[h]}
                </label>
              ))}
            </div>
            {errors.health ? (
              <p id={`${id("health")}-error`} role="alert" className="text-xs font-medium text-destructive">
                {errors.health.join(" ")}
              </p>
            ) : null}
          </fieldset>
          {needsReason ? (
            <FormField
              id={id("overrideReason")}
              label="Why is it better than suggested?"
              errors={errors.overrideReason}
              help={`The rules suggest ${HEALTH_LABELS[suggestion.health]}. A short reason (up to ${UPDATE_LIMITS.overrideReason} characters) is recorded with the update.`}
            >
              <Input
                id={id("overrideReason")}
                name="overrideReason"
                defaultValue={editing?.overrideReason ?? undefined}
                required
                {...describedBy(id("overrideReason"), errors.overrideReason, true)}
              />
            </FormField>
          ) : null}
          <FormField id={id("summary")} label="Summary" errors={errors.summary} help="One line: what a director should know.">
            <Input
              id={id("summary")}
              name="summary"
              required
              defaultValue={editing?.summary}
              onChange={(e) => setSummaryLength(e.currentTarget.value.length)}
              {...withCount("summary", errors.summary)}
            />
            <Counter id={`${id("summary")}-count`} length={summaryLength} max={UPDATE_LIMITS.summary} />
          </FormField>
          <FormField id={id("body")} label="Details (markdown)" errors={errors.body} help={UPDATE_BODY_HINT}>
            <Textarea
              id={id("body")}
              name="body"
              rows={6}
              defaultValue={initialBody}
              onChange={(e) => setBodyLength(e.currentTarget.value.length)}
              className="font-mono text-[13px]"
              {...withCount("body", errors.body)}
            />
            <Counter id={`${id("body")}-count`} length={bodyLength} max={UPDATE_LIMITS.body} />
          </FormField>
          <Button type="submit" disabled={pending}>
            {editing ? (pending ? "Saving…" : "Save changes") : pending ? "Posting…" : alreadyIn ? "Add another update" : "Post update"}
          </Button>
        </div>
        {editing ? null : (
          <aside aria-label="Suggested health" className="h-fit space-y-2 rounded-lg border border-border bg-muted/40 p-3 text-sm">
            <p className="flex items-center justify-between gap-2 font-medium">
              Suggested <HealthBadge health={suggestion.health} />
            </p>
            {suggestion.reasons.length === 0 ? (
              <p className="text-xs text-muted-foreground">
                No rule flags a risk: dates, milestones, dependencies, spend and staffing look fine.
              </p>
            ) : (
              <ul className="list-disc space-y-1 pl-4 text-xs text-muted-foreground">
                {suggestion.reasons.map((r) => (
                  <li key={r.rule}>{r.message}</li>
                ))}
              </ul>
            )}
          </aside>
        )}
      </form>
    </div>
  );
}
