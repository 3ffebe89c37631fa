"use client";

import { useEffect, useRef, useState } from "react";

import type { ActionResult } from "@/lib/action-result";

/**
 * The result of a dialog's form, shown beside the button that opened it and focused when the
 * dialog closes after a success (Radix would return focus to the trigger, and a screen-reader or
 * keyboard user would not learn what happened). Pass `onCloseAutoFocus` to the DialogContent.
 */
export function useResultFocus() {
  const [text, setText] = useState<string | null>(null);
  const ref = useRef<HTMLSpanElement>(null);
  const armed = useRef(false);
  return {
    show(result: string) {
      setText(result);
      armed.current = true;
    },
    onCloseAutoFocus(event: Event) {
      if (!armed.current) return;
      armed.current = false;
      event.preventDefault();
      ref.current?.focus();
    },
    note: (
      <span
        ref={ref}
        tabIndex={-1}
        role="status"
        className={text ? "self-center text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-ring" : "sr-only"}
      >
        {text}
      </span>
    ),
  };
}

/**
 * The same for a form on the page: after each submission, focus its result (`resultRef`, a
 * `tabIndex={-1}` status line) on success, else the first field to fix or the form's message.
 */
export function useFocusAfterSubmit<E extends HTMLElement = HTMLParagraphElement>(state: ActionResult<unknown> | null) {
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<E>(null);
  useEffect(() => {
    if (!state) return;
    if (state.ok) resultRef.current?.focus();
    else
      (
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        formRef.current?.querySelector<HTMLElement>('[role="alert"]')
      )?.focus();
  }, [state]);
  return { formRef, resultRef };
}
