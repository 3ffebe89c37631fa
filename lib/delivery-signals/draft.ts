import type { DraftLine } from "@/lib/delivery-signals/queries";

// The weekly update's starting text from the tracker: what was done since the last update and
// the open items that moved lately, in the form's own Done / Next / Risks layout. The manager
// edits and posts it; nothing is posted for them.

const EMPTY = "- ";

function lines(items: DraftLine[]): string {
  if (!items.length) return EMPTY;
  // Markdown-significant characters of a tracker's title are escaped, so a title cannot add links or markup.
  const safe = (t: string) => t.replace(/([\\`*_[\]<>#|])/g, "\\$1");
  return items.map((i) => `- ${i.kind === "PULL_REQUEST" ? "PR " : ""}${i.externalId} ${safe(i.title)}`).join("\n");
}

export function updateDraft(draft: { done: DraftLine[]; next: DraftLine[] }): string | null {
  if (!draft.done.length && !draft.next.length) return null;
  return `**Done**\n${lines(draft.done)}\n\n**Next**\n${lines(draft.next)}\n\n**Risks**\n${EMPTY}`;
}
