import Link from "next/link";

/**
 * Under an import of Keel's own layout: the way to a file in another shape (the mapped import at
 * `href`) and Keel's template to download.
 */
export function MappedImportLinks({
  question,
  href,
  template,
  templateLabel = "Download Keel's template",
  className = "text-sm",
}: {
  /** Names the other shapes, e.g. "A budget spreadsheet in another shape?". */
  question: string;
  href: string;
  template: string;
  templateLabel?: string;
  className?: string;
}) {
  return (
    <p className={className}>
      {question}{" "}
      <Link href={href} className="font-medium underline underline-offset-2">
        Import it with column mapping
      </Link>{" "}
      ·{" "}
      <a href={template} download className="underline underline-offset-2">
        {templateLabel}
      </a>
    </p>
  );
}
