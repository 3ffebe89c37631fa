import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Markdown } from "@/components/projects/markdown";
import { MARKDOWN_PROBLEM_MESSAGES, markdownProblem, MAX_MARKDOWN_DEPTH } from "@/lib/markdown-bounds";
import { ZPostStatusUpdateInput } from "@/lib/projects/schemas";

// Markdown is a plain function component (no hooks), so calling it yields the element tree.
const render = (md: string) => renderToStaticMarkup(Markdown({ children: md }));

describe("status update markdown", () => {
  it("renders ordinary formatting", () => {
    const html = render("**Done:** shipped\n\n- one\n- two\n\n[docs](https://example.com/docs)");
    expect(html).toContain("<strong>Done:</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toMatch(/<a href="https:\/\/example.com\/docs"[^>]*rel="noopener noreferrer nofollow"/);
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>hello", /<script/i],
    ["an img with onerror", '<img src="x" onerror="alert(1)">', /onerror/i],
    ["an inline event handler on any tag", '<div onclick="alert(1)">hi</div>', /onclick/i],
    ["a javascript: link", "[click](javascript:alert(1))", /javascript:/i],
    ["an encoded javascript: link", "[click](JaVaScRiPt:alert(1))", /javascript:/i],
    ["a data: URL", "[x](data:text/html;base64,PHNjcmlwdD4=)", /data:text/i],
    ["a javascript: image", "![x](javascript:alert(1))", /javascript:/i],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', /<iframe/i],
  ])("strips %s", (_name, md, forbidden) => {
    const html = render(md);
    expect(html).not.toMatch(forbidden);
  });

  it("keeps the text around stripped html", () => {
    expect(render("<script>alert(1)</script>\n\nhello")).toContain("<p>hello</p>");
  });
});

describe("markdown with bounds (issue 18, finding 4)", () => {
  const nestedQuotes = "> ".repeat(3000) + "boom";

  it("renders already-stored text past the bounds as plain text instead of overflowing the stack", () => {
    const html = render(nestedQuotes);
    expect(html).not.toContain("<blockquote");
    expect(html).toContain("boom");
    expect(render("*".repeat(5000) + "x" + "*".repeat(5000))).toContain("x");
  });

  it("refuses such text when it is written, with a field error on the details", () => {
    const base = { projectId: "p1", health: "ON_TRACK", summary: "All good" };
    const quotes = ZPostStatusUpdateInput.safeParse({ ...base, body: nestedQuotes });
    expect(quotes.success).toBe(false);
    expect(quotes.error!.issues).toEqual([expect.objectContaining({ path: ["body"], message: MARKDOWN_PROBLEM_MESSAGES.depth })]);
    const lists = ZPostStatusUpdateInput.safeParse({ ...base, body: "- ".repeat(MAX_MARKDOWN_DEPTH + 5) + "x" });
    expect(lists.success).toBe(false);
    const many = ZPostStatusUpdateInput.safeParse({ ...base, body: "[x](/a) ".repeat(2000) });
    expect(many.error!.issues[0].message).toBe(MARKDOWN_PROBLEM_MESSAGES.nodes);
    // Ordinary structure passes: nested lists, a table, a horizontal rule of stars.
    const ok = "Done:\n- a\n  - b\n    - c\n\n> quoted\n\n" + "*".repeat(60) + "\n\n| a | b |\n|---|---|\n| 1 | 2 |";
    expect(ZPostStatusUpdateInput.safeParse({ ...base, body: ok }).success).toBe(true);
    expect(markdownProblem(ok)).toBeNull();
  });

  it("links only to http(s) and this site's own paths, never a protocol-relative //host", () => {
    for (const md of ["[x](//evil.example/a)", "[x](mailto:a@evil.example)", "![x](//evil.example/i.png)"]) {
      expect(render(md), md).not.toMatch(/evil\.example/);
    }
    // A backslash is percent-encoded, so "/\host" stays a path of this site.
    expect(render("[x](/\\evil.example)")).not.toMatch(/href="\/(\/|\\)/);
    expect(render("[x](/acme/projects)")).toContain('href="/acme/projects"');
    expect(render("[x](https://example.com/a)")).toContain('href="https://example.com/a"');
  });
});
