"use client";

import { useRef, useState } from "react";

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
