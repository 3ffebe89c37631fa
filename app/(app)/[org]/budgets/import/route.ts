import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";

import { importActuals } from "@/lib/budgets/import-actuals";
import { importPlan } from "@/lib/budgets/import-plan";
import {
  declaredLength,
  discardUpload,
  saveUpload,
  sweepStagedUploads,
  UPLOAD_INCOMPLETE_MESSAGE,
  UPLOAD_TOO_LARGE_MESSAGE,
  UploadRefused,
} from "@/lib/budgets/upload";
import { can } from "@/lib/permissions";
import { parseSearch, zOneOf, zParam } from "@/lib/search-params";
import { refusal, withMember } from "@/lib/route-guard";

// CSV upload: the request body IS the file (Content-Type text/csv), streamed to a private temp
// file, then imported by the defineAction pipeline (session → zod → permission → one
// transaction → AuditEvent) with the upload's opaque id as input. Membership (lib/route-guard.ts)
// and permission are checked here first too, so nobody else can even make us store a file.
//
// This route is outside proxy.ts's matcher: a request the proxy sees has its body buffered by
// Next.js up to 10 MB and silently cut there. The file is kept only if exactly Content-Length
// bytes arrived (lib/budgets/upload.ts), so a cut body is refused, never imported in part.

// kind=stage only stores the file and answers its upload id: a ledger export imported through a
// mapping (lib/imports/) is checked and then imported by two actions that read the same upload,
// so a 100 MB file crosses the network once. Staged files older than a day are swept.
const ZSearch = z.object({ kind: zOneOf(["plan", "actuals", "stage"]), name: zParam().transform((v) => v ?? "upload.csv") });

export const POST = withMember(async (request: NextRequest, member, { org }) => {
  const search = parseSearch(ZSearch, request.nextUrl.searchParams);
  const kind = search.kind ?? "actuals";
  const permission = kind === "plan" ? "budgets:write" : "actuals:write";
  // A staged file is only stored: whoever may import actuals, a plan or a hiring plan may stage
  // one (the mapped import that reads it checks its own permission).
  const allowed =
    kind === "stage"
      ? (["actuals:write", "budgets:write", "positions:write"] as const).some((p) => can(member.role, p))
      : can(member.role, permission);
  if (!allowed) return refusal(403);
  if (kind === "stage") await sweepStagedUploads();
  const declared = declaredLength(request.headers.get("content-length"));
  if (!request.body || Number.isNaN(declared)) {
    return NextResponse.json({ ok: false, code: "VALIDATION", message: "Choose a CSV file of at most 100 MB." }, { status: 400 });
  }
  const fileName = search.name.slice(0, 200) || "upload.csv";
  let uploadId: string;
  try {
    uploadId = await saveUpload(request.body, declared);
  } catch (e) {
    const message = e instanceof UploadRefused ? e.message : UPLOAD_INCOMPLETE_MESSAGE;
    const status = message === UPLOAD_TOO_LARGE_MESSAGE ? 413 : 400;
    return NextResponse.json({ ok: false, code: "VALIDATION", message, fieldErrors: { file: [message] } }, { status });
  }
  if (kind === "stage") return NextResponse.json({ ok: true, data: { uploadId } });
  try {
    const action = kind === "plan" ? importPlan : importActuals;
    const result = await action.run(member.user.id, org, { uploadId, fileName });
    const status = result.ok
      ? 200
      : result.code === "VALIDATION"
        ? 422
        : result.code === "FORBIDDEN"
          ? 403
          : result.code === "NOT_FOUND"
            ? 404
            : result.code === "CONFLICT"
              ? 409
              : 500;
    return NextResponse.json(result, { status });
  } finally {
    await discardUpload(uploadId);
  }
});
