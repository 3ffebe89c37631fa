import type * as React from "react";

import { cn } from "@/lib/utils";

/**
 * A styled native <select> for forms: submits with FormData, works with every keyboard and
 * screen reader, and needs no client state. Use the Radix Select for menus outside forms.
 */
export function NativeSelect({ className, ...props }: React.ComponentProps<"select">) {
  return (
    <select
      data-slot="native-select"
      className={cn(
        "flex h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs transition-colors",
        "focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        "disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive",
        className,
      )}
      {...props}
    />
  );
}
