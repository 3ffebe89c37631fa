// The rules of a status update that its form shows (counters, hint) and the server enforces
// (lib/projects/schemas.ts, lib/projects/update-body.ts). Dependency-free: client forms import it.

/** Longest summary, details and override reason, in characters. */
export const UPDATE_LIMITS = { summary: 160, body: 20_000, overrideReason: 500 } as const;

/** How long after posting the author may still edit or delete an update. */
export const UPDATE_EDIT_WINDOW_HOURS = 24;

/** The hint under the details field: exactly what lib/projects/update-body.ts accepts. */
export const UPDATE_BODY_HINT =
  "Markdown: **bold**, *italic*, lists (- item or 1. item), # headings, > quotes, `code`, and links [text](https://…) to http, https or mailto addresses. HTML tags are not allowed.";
