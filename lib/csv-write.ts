// CSV writing for exports: RFC 4180 quoting, CRLF line ends. Cells that a spreadsheet would run
// as a formula (=, +, -, @ at the start of text) are prefixed with ' so an export cannot carry
// a formula injection; amounts are written by the caller as plain decimals (centsToDecimalString)
// and numbers, which are never prefixed.

export type CsvCell = string | number | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return csvLines([header, ...rows]);
}

/** Lines of a CSV without a header, each ended by CRLF: the next part of a streamed export. */
function csvLines(rows: CsvCell[][]): string {
  return rows.length ? rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n" : "";
}

/**
 * A CSV streamed batch by batch: the header at once, then each batch of rows as the reader asks
 * for more, so memory holds a batch or two however long the export is and the download starts
 * before the last batch is read. `batches` is null when nothing may be listed (the header
 * only). A failing batch errors the stream: the headers are sent, so the download ends
 * incomplete rather than looking whole; `onError` records why.
 */
export function csvStream(
  header: string[],
  batches: AsyncIterator<CsvCell[][]> | null,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLines([header])));
        return;
      }
      try {
        const next = batches ? await batches.next() : { done: true as const, value: undefined };
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(csvLines(next.value)));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await batches?.return?.(undefined);
    },
  });
}

/** The response of a CSV download: never cached, saved under `fileName`. */
export function csvResponse(body: ReadableStream<Uint8Array> | string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}

/** Maps each batch of an async iterable: the rows of a read become the cells of a CSV. */
export async function* mapBatches<T>(batches: AsyncIterable<T[]>, cells: (row: T) => CsvCell[]): AsyncGenerator<CsvCell[][]> {
  for await (const rows of batches) yield rows.map(cells);
}
