"use client";

import { type ReactNode, type Ref, useEffect, useRef, useState } from "react";

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
 * Controls that act without a form (a select, a checkbox, a button) pass their own last result
 * and put `formRef` on the element around them, with a `tabIndex={-1}` role="alert" refusal.
 */
export function useFocusAfterSubmit<E extends HTMLElement = HTMLParagraphElement, F extends HTMLElement = HTMLFormElement>(
  state: ActionResult<unknown> | null,
) {
  const formRef = useRef<F>(null);
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

/**
 * The result line of a control without a form (useFocusAfterSubmit): what it did after a success,
 * the refusal (role="alert", focused) after a failure, nothing before.
 */
export function ControlResult({
  state,
  resultRef,
  children,
  className,
}: {
  state: ActionResult<unknown> | null;
  resultRef: Ref<HTMLSpanElement>;
  /** The success text. */
  children?: ReactNode;
  className?: string;
}) {
  const ring = ["focus:outline-none focus-visible:ring-2 focus-visible:ring-ring", className].filter(Boolean).join(" ");
  return (
    <>
      <span ref={resultRef} tabIndex={-1} role="status" className={state?.ok ? `text-sm font-medium ${ring}` : "sr-only"}>
        {state?.ok ? children : null}
      </span>
      {state && !state.ok ? (
        <span role="alert" tabIndex={-1} className={`text-sm font-medium text-destructive ${ring}`}>
          {state.message}
        </span>
      ) : null}
    </>
  );
}

/**
 * A confirmation asked in a dialog with no trigger of its own (a row's button opens it):
 * `asking` is what it asks about. Closing returns focus to the control that asked, or — when
 * `settle` closed it after the action ran — to `outcomeRef`, since that control may be gone.
 * Pass `onCloseAutoFocus` to the DialogContent.
 */
export function useConfirm<T>() {
  const [asking, setAsking] = useState<T | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const settled = useRef(false);
  const opener = useRef<HTMLElement | null>(null);
  return {
    asking,
    outcomeRef,
    /** Set while the dialog closes on an outcome, which it then focuses itself. */
    settling: settled,
    /** Ask about `about`; focus returns to `from` (default: the focused control) if it is cancelled. */
    ask(about: T, from?: HTMLElement | null) {
      opener.current = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
      setAsking(about);
    },
    cancel: () => setAsking(null),
    /** The action ran: close, focusing its outcome. */
    settle() {
      settled.current = true;
      setAsking(null);
    },
    onCloseAutoFocus(event: Event) {
      event.preventDefault();
      (settled.current ? outcomeRef.current : opener.current)?.focus();
      settled.current = false;
    },
  };
}
