import { fromMarkdown } from "mdast-util-from-markdown";

// Bounds on user-written markdown (status update details). A few kilobytes of nested quotes
// or lists made a project's page a 500 for everyone (the renderer recurses once per level), so
// text past these bounds is refused when written (a field error) and shown as plain text if it
// was stored before the bounds existed. The tree is walked without recursion.

export const MAX_MARKDOWN_DEPTH = 20;
const MAX_MARKDOWN_NODES = 5_000;
/**
 * Leading quote/list markers and indentation on one line, checked before parsing: deep
 * container nesting is what makes the parser itself slow (quadratic), and no honest text
 * needs this much of it.
 */
const MAX_LINE_PREFIX = 4 * MAX_MARKDOWN_DEPTH;
const PREFIX = /^(?:[ \t]|>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;
/** A run of emphasis markers this long nests emphasis past the depth bound (and is slow to parse). */
const EMPHASIS_RUN = new RegExp(`[*_~]{${2 * MAX_MARKDOWN_DEPTH + 1},}`);
const THEMATIC_BREAK = /^\s*([*_-])(?:\s*\1){2,}\s*$/;

export type MarkdownProblem = "depth" | "nodes";

export const MARKDOWN_PROBLEM_MESSAGES: Record<MarkdownProblem, string> = {
  depth: `The details nest too deeply: at most ${MAX_MARKDOWN_DEPTH} levels of quotes, lists or emphasis.`,
  nodes: `The details have too many parts: at most ${MAX_MARKDOWN_NODES.toLocaleString("en")} paragraphs, list items, links and other elements.`,
};

/** The first bound the text breaks, or null when it is within them. */
export function markdownProblem(text: string): MarkdownProblem | null {
  for (const line of text.split("\n")) {
    if ((PREFIX.exec(line)?.[0].length ?? 0) > MAX_LINE_PREFIX) return "depth";
    if (EMPHASIS_RUN.test(line) && !THEMATIC_BREAK.test(line)) return "depth";
  }
  let tree;
  try {
    tree = fromMarkdown(text);
  } catch {
    return "depth";
  }
  let nodes = 0;
  const stack: [{ children?: unknown[] }, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (++nodes > MAX_MARKDOWN_NODES) return "nodes";
    if (depth > MAX_MARKDOWN_DEPTH) return "depth";
    for (const child of node.children ?? []) stack.push([child as { children?: unknown[] }, depth + 1]);
  }
  return null;
}

/**
 * A link target a status update may carry: http(s) or a path on this site. Never a
 * protocol-relative "//host" (or "/\host", which browsers read the same way), which leaves the
 * site while looking like a path.
 */
export function isSafeMarkdownUrl(url: string): boolean {
  if (/^https?:\/\//i.test(url)) return true;
  if (url.startsWith("#")) return true;
  return url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\");
}
