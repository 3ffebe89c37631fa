import "server-only";

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { writeFile } from "node:fs/promises";

import type { ActionResult, FieldErrors } from "@/lib/action-result";
import { problem, problemOf, readJsonBody } from "@/lib/api/problem";
import { parseBody } from "@/lib/api/request";
import { type ActualsImportRow, ZActualsImportBody } from "@/lib/api/write-schemas";
import { ACTUALS_COLUMNS } from "@/lib/budgets/csv";
import { declaredLength, newUploadFile, saveUpload, UPLOAD_TOO_LARGE_MESSAGE, uploadPath, UploadRefused } from "@/lib/budgets/upload";

// POST /api/v1/actuals/imports takes the ledger as a CSV body (the UI's file, streamed to disk
// the same way) or as JSON rows, which are written out as that same CSV: either way the UI's
// import action reads one file, with its all-or-nothing rules. What a retry with an
// Idempotency-Key is compared by: the JSON body, or the CSV file's SHA-256.

export type ImportUpload = {
  uploadId: string;
  fileName: string;
  fingerprint: unknown;
  /** How a bad row is named in the problem: rows[i] of the JSON array, or the CSV's row number. */
  source: "json" | "csv";
};

const JSON_FIELDS: Record<(typeof ACTUALS_COLUMNS)[number], keyof ActualsImportRow> = {
  date: "date",
  costcentrecode: "costCentreCode",
  category: "category",
  amount: "amount",
  vendor: "vendor",
  memo: "memo",
  externalreference: "externalReference",
};

// Every cell quoted, quotes doubled: commas, quotes and line breaks in a memo stay one cell.
const quoted = (v: string) => `"${v.replaceAll('"', '""')}"`;

function rowsToCsv(rows: ActualsImportRow[]): string {
  const lines = [ACTUALS_COLUMNS.join(",")];
  for (const r of rows) lines.push(ACTUALS_COLUMNS.map((c) => quoted(r[JSON_FIELDS[c]] ?? "")).join(","));
  return `${lines.join("\n")}\n`;
}

async function fileSha256(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The request's ledger on disk for the import action, or the problem to answer instead. */
export async function readImportUpload(request: Request): Promise<{ ok: true; upload: ImportUpload } | { ok: false; response: Response }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json") {
    const body = await readJsonBody(request);
    if (!body.ok) return body;
    const input = parseBody(body.body, ZActualsImportBody);
    if (!input.ok) return input;
    const { uploadId, filePath } = await newUploadFile();
    await writeFile(filePath, rowsToCsv(input.data.rows), { mode: 0o600 });
    return { ok: true, upload: { uploadId, fileName: input.data.fileName ?? "api.json", fingerprint: body.body, source: "json" } };
  }
  if (type === "text/csv") {
    const declared = declaredLength(request.headers.get("content-length"));
    if (!request.body || Number.isNaN(declared)) return { ok: false, response: problem(400, "Send the CSV file as the body.") };
    let uploadId: string;
    try {
      uploadId = await saveUpload(request.body, declared);
    } catch (e) {
      const message = e instanceof UploadRefused ? e.message : "The upload did not arrive whole.";
      return {
        ok: false,
        response: problem(message === UPLOAD_TOO_LARGE_MESSAGE ? 413 : 400, message, { fieldErrors: { _body: [message] } }),
      };
    }
    const fileName = (new URL(request.url).searchParams.get("name") ?? "").slice(0, 200) || "api.csv";
    return {
      ok: true,
      upload: { uploadId, fileName, fingerprint: { csv: await fileSha256(uploadPath(uploadId)), fileName }, source: "csv" },
    };
  }
  return { ok: false, response: problem(415, "Send Content-Type application/json (rows) or text/csv (the ledger file).") };
}

// The import action names a bad row as the UI shows it ("Row 7: amount "x" is not an amount…;
// date …"): the problem names the row and each field, as rows[5].amount for JSON (rows[0] is the
// CSV's row 2, below its header) or row 7.amount for a CSV body.
const REASON_FIELDS: [RegExp, keyof ActualsImportRow][] = [
  [/^date\b/, "date"],
  [/^cost centre code\b/, "costCentreCode"],
  [/^category\b/, "category"],
  [/^amount\b/, "amount"],
  [/^vendor\b/, "vendor"],
  [/^memo\b/, "memo"],
  [/^external reference\b/, "externalReference"],
];

function importFieldErrors(fieldErrors: FieldErrors, source: ImportUpload["source"]): FieldErrors {
  const out: FieldErrors = {};
  const add = (field: string, message: string) => (out[field] ??= []).push(message);
  for (const [field, messages] of Object.entries(fieldErrors)) {
    for (const message of messages) {
      const m = /^Row (\d+): (.*)$/s.exec(message);
      if (!m) {
        add(field === "file" && source === "json" ? "rows" : field, message);
        continue;
      }
      const rowName = source === "json" ? `rows[${Number(m[1]) - 2}]` : `row ${m[1]}`;
      for (const reason of m[2].split("; ")) {
        const named = REASON_FIELDS.find(([re]) => re.test(reason))?.[1];
        add(named ? `${rowName}.${named}` : rowName, reason);
      }
    }
  }
  return out;
}

/** A refused import as a problem naming row and field. */
export function importProblem(result: Extract<ActionResult<unknown>, { ok: false }>, source: ImportUpload["source"]): Response {
  return problemOf(result.fieldErrors ? { ...result, fieldErrors: importFieldErrors(result.fieldErrors, source) } : result);
}
