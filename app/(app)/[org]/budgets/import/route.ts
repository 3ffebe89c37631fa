import { NextResponse, type NextRequest } from "next/server";

import { importActuals } from "@/lib/budgets/import-actuals";
import { importPlan } from "@/lib/budgets/import-plan";
import { discardUpload, MAX_UPLOAD_BYTES, saveUpload } from "@/lib/budgets/upload";
import { can } from "@/lib/permissions";
import { refusal, withMember } from "@/lib/route-guard";

// CSV upload: the request body IS the file (Content-Type text/csv), streamed to a private temp
// file, then imported by the defineAction pipeline (session → zod → permission → one
// transaction → AuditEvent) with the upload's opaque id as input. Membership (lib/route-guard.ts)
// and permission are checked here first too, so nobody else can even make us store a file.

export const POST = withMember(async (request: NextRequest, member, { org }) => {
  const kind = request.nextUrl.searchParams.get("kind") === "plan" ? "plan" : "actuals";
  if (!can(member.role, kind === "plan" ? "budgets:write" : "actuals:write")) return refusal(403);
  const length = Number(request.headers.get("content-length") ?? 0);
  if (!request.body || length > MAX_UPLOAD_BYTES) {
    return NextResponse.json({ ok: false, code: "VALIDATION", message: "Choose a CSV file of at most 100 MB." }, { status: 400 });
  }
  const fileName = (request.nextUrl.searchParams.get("name") ?? "upload.csv").slice(0, 200) || "upload.csv";
  let uploadId: string;
  try {
    uploadId = await saveUpload(request.body);
  } catch {
    return NextResponse.json({ ok: false, code: "VALIDATION", message: "The upload failed or was larger than 100 MB." }, { status: 400 });
  }
  try {
    const action = kind === "plan" ? importPlan : importActuals;
    const result = await action.run(member.user.id, org, { uploadId, fileName });
    const status = result.ok ? 200 : result.code === "VALIDATION" ? 422 : result.code === "FORBIDDEN" ? 403 : result.code === "NOT_FOUND" ? 404 : 500;
    return NextResponse.json(result, { status });
  } finally {
    await discardUpload(uploadId);
  }
});
