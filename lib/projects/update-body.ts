import { fromMarkdown } from "mdast-util-from-markdown";

// What a status update's details may contain, checked before anything is written: plain
// markdown, no HTML, links only to the web or to mail. The renderer (components/projects/
// markdown.tsx) would drop the rest; the author is told instead, so nothing vanishes unseen.
// The form's hint (UPDATE_BODY_HINT in lib/projects/update-limits.ts) describes exactly this.

const LINK_OK = /^(https?:|mailto:)/i;

type Node = { type: string; value?: string; url?: string; children?: Node[]; position?: { start: { line: number } } };

/** Every problem in the details, each naming what to change and its line; [] when it is fine. */
export function updateBodyProblems(body: string): string[] {
  if (!body.trim()) return [];
  const problems: string[] = [];
  const tree = fromMarkdown(body) as Node;
  const walk = (node: Node) => {
    const line = node.position?.start.line;
    if (node.type === "html") {
      const tag = /<\/?\s*([a-z][a-z0-9-]*)/i.exec(node.value ?? "")?.[1]?.toLowerCase();
      problems.push(
        `Line ${line}: HTML is not allowed${tag ? ` (<${tag}>)` : ""}. Use markdown, or put it in \`backticks\` to show it as code.`,
      );
    } else if ((node.type === "link" || node.type === "image") && node.url && !LINK_OK.test(node.url)) {
      problems.push(`Line ${line}: the link “${node.url.slice(0, 40)}” must start with http://, https:// or mailto:.`);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  // An element's opening and closing tags are one problem, not two.
  return [...new Set(problems)];
}

/**
 * The form's template with nothing written under a heading ("**Risks**" and an empty "- ") is
 * scaffolding, not content: empty bullets and the headings left with nothing under them go, so
 * an update never shows empty headings. Everything the author wrote stays as written.
 */
export function withoutEmptyTemplate(body: string): string {
  const emptyBullet = (line: string) => /^\s*[-*]\s*$/.test(line);
  const blocks = body
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split("\n");
      if (!lines.some(emptyBullet)) return block;
      const kept = lines.filter((line) => !emptyBullet(line)).join("\n");
      // A heading whose only bullet was empty is template: it goes with the bullet.
      return /^\s*\*\*[^*\n]+\*\*\s*$/.test(kept) ? "" : kept;
    })
    .filter((block) => block.trim() !== "");
  return blocks.join("\n\n").trim();
}
