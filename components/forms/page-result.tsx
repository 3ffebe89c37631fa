"use client";

import { usePathname } from "next/navigation";
import * as React from "react";

/**
 * The result of a form whose own place goes away when it succeeds (a unit created opens its page,
 * an applied reorg loses its buttons, a removed row disappears): shown at the top of the page and
 * focused, so the keyboard and a screen reader land on what the form did rather than on <body>.
 * Forms that stay on screen show their result beside themselves (use-result-focus.tsx).
 */
type Result = { text: string; tick: number; keepOn: string | null };

const Ctx = React.createContext<(text: string, navigatingTo?: string) => void>(() => {});
/** Whether a result shown in the last moments is to keep focus (a closing dialog then leaves focus alone). */
const ClaimCtx = React.createContext<() => boolean>(() => false);
/** How long after `show` a closing dialog leaves focus to the result. */
const CLAIM_MS = 2_000;

/** `show(text)` after a success; pass the path the form navigates to, so the result is shown there. */
export function usePageResult() {
  return React.useContext(Ctx);
}

/**
 * For DialogContent's close: true when a page result was just shown, so the dialog does not
 * return focus to its trigger, which may be in the row the action removes (a refresh that lands
 * after the result took focus would otherwise drop it to <body>).
 */
export function usePageResultClaimsFocus() {
  return React.useContext(ClaimCtx);
}

export function PageResultProvider({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const [result, setResult] = React.useState<Result | null>(null);
  const [shownOn, setShownOn] = React.useState(pathname);
  const ref = React.useRef<HTMLParagraphElement>(null);
  const shownAt = React.useRef(0);
  const show = React.useCallback((text: string, navigatingTo?: string) => {
    shownAt.current = Date.now();
    setResult((r) => ({ text, tick: (r?.tick ?? 0) + 1, keepOn: navigatingTo ?? null }));
  }, []);
  const claims = React.useCallback(() => {
    if (Date.now() - shownAt.current > CLAIM_MS) return false;
    ref.current?.focus();
    return true;
  }, []);
  // Another page: the result no longer applies, unless this is the page the form went to.
  if (pathname !== shownOn) {
    setShownOn(pathname);
    if (result && result.keepOn !== pathname) setResult(null);
    else if (result) setResult({ ...result, keepOn: null });
  }
  const tick = result?.tick ?? 0;
  React.useEffect(() => {
    if (!tick) return;
    // Once rendered; again once the refreshed page is in, if removing the form's row dropped
    // focus to <body> (a closing dialog leaves focus alone meanwhile: usePageResultClaimsFocus).
    const first = setTimeout(() => ref.current?.focus(), 0);
    const again = setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) ref.current?.focus();
    }, 300);
    return () => {
      clearTimeout(first);
      clearTimeout(again);
    };
  }, [tick]);
  return (
    <Ctx.Provider value={show}>
      <ClaimCtx.Provider value={claims}>
        <p
          ref={ref}
          tabIndex={-1}
          role="status"
          data-testid="page-result"
          className={
            result
              ? "mb-4 rounded-md border border-border bg-muted px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              : "sr-only"
          }
        >
          {result?.text}
        </p>
        {children}
      </ClaimCtx.Provider>
    </Ctx.Provider>
  );
}
