"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";

import { usePageResult } from "@/components/forms/page-result";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";

/**
 * useActionState around an action that takes the form's fields (the org tree's dialogs, the reorg
 * editor). On success: a toast, then `onDone` (which closes the dialog), and the refresh, or with
 * `navigate` the page the action leads to. The result is focused beside the dialog's button
 * (`onDone` gets its text), or at the top of the page when the action navigates or when `onPage`
 * says the form's place goes away on success (a closed unit is not edited).
 */
export function useToastedAction<T>(
  run: (input: Record<string, unknown>) => Promise<ActionResult<T>>,
  {
    done,
    onDone,
    navigate,
    onPage = false,
  }: {
    done: string | ((form: FormData) => string);
    onDone?: (result?: string) => void;
    navigate?: (data: T) => string | null;
    onPage?: boolean;
  },
) {
  const router = useRouter();
  const showOnPage = usePageResult();
  return useActionState<ActionResult<T> | null, FormData>(async (_prev, form) => {
    const result = await run(Object.fromEntries(form));
    if (result.ok) {
      const text = typeof done === "string" ? done : done(form);
      toast.success(text);
      const href = navigate?.(result.data);
      if (href || onPage) {
        onDone?.();
        showOnPage(text, href ?? undefined);
        if (href) router.push(href);
        else router.refresh();
      } else {
        onDone?.(text);
        router.refresh();
      }
    }
    return result;
  }, null);
}
