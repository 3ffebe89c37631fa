import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";

import { isSafeMarkdownUrl, markdownProblem } from "@/lib/markdown-bounds";

// Status update bodies are user-written markdown shown to everyone in the org. Three layers keep
// them inert: react-markdown never renders raw HTML (it has no rehype-raw), rehype-sanitize
// (GitHub's allow-list) strips anything that still is not plain formatting, and only http(s)
// and same-site links survive (javascript:, data:, "//host" … become empty). Text past the
// bounds of lib/markdown-bounds.ts (stored before they were enforced) is shown as plain text:
// rendering it would overflow the stack.

function urlTransform(url: string): string {
  const safe = defaultUrlTransform(url);
  return isSafeMarkdownUrl(safe) ? safe : "";
}

const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https"], src: ["http", "https"] },
};

export function Markdown({ children, className }: { children: string; className?: string }) {
  if (markdownProblem(children)) {
    return (
      <div className={className ?? "text-sm leading-relaxed"}>
        <p className="whitespace-pre-wrap break-words">{children}</p>
      </div>
    );
  }
  return (
    <div
      className={
        className ??
        "markdown space-y-2 text-sm leading-relaxed [&_a]:text-primary [&_a]:underline [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc"
      }
    >
      <ReactMarkdown
        rehypePlugins={[[rehypeSanitize, schema]]}
        urlTransform={urlTransform}
        components={{ a: ({ node: _node, ...props }) => <a {...props} rel="noopener noreferrer nofollow" target="_blank" /> }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
