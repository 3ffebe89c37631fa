import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Markdown } from "@/components/projects/markdown";

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
