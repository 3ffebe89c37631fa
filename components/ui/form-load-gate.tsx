import type * as React from "react";

/**
 * A dialog form whose choices load when it opens (components/ui/use-json.ts): "Loading…" while
 * they are on their way (undefined), a message if the request failed (null), else the form.
 */
export function FormLoadGate<T>({ data, children }: { data: T | null | undefined; children: (data: T) => React.ReactNode }) {
  if (data === undefined) {
    return (
      <p className="py-6 text-sm text-muted-foreground" role="status">
        Loading…
      </p>
    );
  }
  if (data === null) {
    return (
      <p className="py-6 text-sm text-destructive" role="alert">
        The form could not be loaded. Close it and try again.
      </p>
    );
  }
  return children(data);
}
