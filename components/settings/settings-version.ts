import { useActionState, useEffect, useRef } from "react";

import { errorsOf } from "@/components/forms/form-alert";
import { useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";

// Both settings forms (organization, pay privacy) send the organization's version they were
// opened at, and the server refuses a save if it has changed since. Saving one form changes that
// version, so the other form, opened at the same time, must send the version its own page's save
// left, or it would be refused as if someone else had changed it.
const saved = new Map<string, string>();

/** The version to send: the one the form was opened at, or a later one this page saved. */
function settingsVersion(org: string, openedAt: string): string {
  const latest = saved.get(org);
  return latest && latest > openedAt ? latest : openedAt;
}

type State = ActionResult<{ updatedAt: string }> | null;

/**
 * An org settings form's state: it sends `input(form)` with the version it was opened at (or this
 * page's later save), says `savedToast` on success and moves focus to the result.
 */
export function useSettingsForm(
  org: string,
  updatedAt: string,
  save: (org: string, input: Record<string, unknown>) => Promise<ActionResult<{ updatedAt: string }>>,
  savedToast: string,
  input: (form: FormData) => Record<string, unknown> = (form) => Object.fromEntries(form),
) {
  // The org's version when the form was opened; advanced after each successful save.
  const openedAt = useRef(updatedAt);
  const [state, formAction, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const result = await save(org, { ...input(form), expectedUpdatedAt: settingsVersion(org, openedAt.current) });
    if (result.ok) {
      openedAt.current = result.data.updatedAt;
      saved.set(org, result.data.updatedAt);
    }
    return result;
  }, null);
  useEffect(() => {
    if (state?.ok) toast.success(savedToast);
  }, [state, savedToast]);
  return { state, formAction, pending, errors: errorsOf(state), ...useFocusAfterSubmit(state) };
}
