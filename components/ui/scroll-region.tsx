"use client";

import { MoveHorizontal } from "lucide-react";
import * as React from "react";

import { cn } from "@/lib/utils";

/**
 * The one place a table may scroll sideways: the page itself never does. When the content is
 * wider than the box, a hint says so and the box becomes a named, focusable region, so the
 * columns off to the side can be reached by keyboard (arrow keys) as well as by swiping.
 */
export function ScrollRegion({
  label,
  className,
  children,
  ...props
}: Omit<React.ComponentProps<"div">, "role" | "tabIndex"> & { label?: string }) {
  const ref = React.useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = React.useState(false);
  React.useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = () => setOverflowing(box.scrollWidth > box.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      {overflowing ? (
        <p data-slot="scroll-hint" className="mb-1.5 flex items-center gap-1.5 text-xs text-muted-foreground">
          <MoveHorizontal className="size-3.5" aria-hidden />
          Scroll sideways for more columns
        </p>
      ) : null}
      <div
        ref={ref}
        // Tests wait for every region's data-overflowing to agree with its layout (responsive.spec.ts).
        data-scroll-region=""
        data-overflowing={overflowing || undefined}
        {...(overflowing
          ? { role: "region", tabIndex: 0, "aria-label": label ? `${label} (scrolls sideways)` : "Table (scrolls sideways)" }
          : {})}
        className={cn("relative w-full overflow-x-auto focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none", className)}
        {...props}
      >
        {children}
      </div>
    </>
  );
}
