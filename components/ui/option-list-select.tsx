"use client";

import type * as React from "react";

import { NativeSelect } from "@/components/ui/native-select";

/** [value, label] or [value, label, depth]: depth indents the label (a unit tree). */
export type OptionTuple = readonly [value: string, label: string, depth?: number];

/**
 * A NativeSelect whose options arrive as tuples. A server component passing hundreds of
 * <option> elements sends each one twice: once as HTML and once as an element in the RSC
 * payload (~90 bytes each: the projects list's 814 filter options were 74 KB of payload,
 * before they became searches). As tuples they cost ~20 bytes each there; the HTML is the same.
 * Used by the unit filters of the roadmap and the headcount plan.
 */
export function OptionListSelect({ options, ...props }: Omit<React.ComponentProps<"select">, "children"> & { options: readonly OptionTuple[] }) {
  return (
    <NativeSelect {...props}>
      {options.map(([value, label, depth]) => (
        <option key={value} value={value}>
          {/* One string, so the HTML has no <!-- --> between the indent and the name. */}
          {depth ? "\u00a0\u00a0".repeat(depth) + label : label}
        </option>
      ))}
    </NativeSelect>
  );
}
