import { csvResponse } from "@/lib/csv-write";
import { refusal, withMember } from "@/lib/route-guard";
import { linesContext, linesScope, listable } from "@/lib/budgets/lines";
import { linesCsvFileName, linesCsvStream } from "@/lib/budgets/lines-export";
import { parseLinesParams } from "@/lib/budgets/lines-params";

// CSV of the lines behind a money figure: the list of /[org]/budgets/lines with the same URL
// filters, in the same order, streamed. Members only (lib/route-guard.ts); a unit or vendor of
// another org is a 404 too; PERSONNEL lines are left out for roles that may not read pay, as on
// the page.
export const GET = withMember(async (request: Request, member) => {
  const { filters } = parseLinesParams(new URL(request.url).searchParams, member.org.fiscalYearStartMonth);
  const context = await linesContext(member.org.id, member, filters);
  if (context.notFound) return refusal(404);
  const scope = linesScope(member.org.id, member, filters);
  return csvResponse(linesCsvStream(scope, listable(context)), linesCsvFileName(member.org.slug, filters, context.unit?.code ?? null));
});
