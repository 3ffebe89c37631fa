import type * as React from "react";

import { Label } from "@/components/ui/label";

/**
 * Label + control + help + errors, wired for assistive tech: pass the same `id` as the
 * control's id; errors are announced and tied to the control with aria-describedby
 * (use `describedBy(id, errors)` on the control).
 */
export function FormField({
  id,
  label,
  help,
  errors,
  children,
}: {
  id: string;
  label: React.ReactNode;
  help?: React.ReactNode;
  errors?: string[];
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {help ? (
        <p id={`${id}-help`} className="text-xs text-muted-foreground">
          {help}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-destructive">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, errors?: string[], help = false) {
  const ids = [help ? `${id}-help` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return {
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
    "aria-invalid": errors?.length ? true : undefined,
  } as const;
}
