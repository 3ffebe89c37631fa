import { AppError } from "@/lib/errors";
import type { ActionResult } from "@/lib/action-result";

// Errors of the SCIM endpoints (RFC 7644 §3.12): a JSON body with the Error schema, a status as a
// string, a scimType for 400 and 409, and a detail naming the field. Refusals thrown inside the
// action pipeline travel as AppErrors whose field errors carry the SCIM status and scimType
// under `_scim`, so the route answers exactly what the handler decided.

export const SCIM_CONTENT_TYPE = "application/scim+json";
const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

type RefusalStatus = 400 | 409 | 412;

/** A refusal from inside a SCIM handler: status, scimType and the field it is about. */
export function scimRefusal(status: RefusalStatus, scimType: ScimType | null, field: string, detail: string): AppError {
  return new AppError(status === 400 ? "VALIDATION" : "CONFLICT", detail, { [field]: [detail], _scim: [String(status), scimType ?? ""] });
}

export const scimInvalid = (field: string, detail: string, scimType: ScimType = "invalidValue") =>
  scimRefusal(400, scimType, field, detail);

/** A SCIM error response; nothing is cached. */
export function scimError(status: number, detail: string, scimType?: ScimType | null, headers?: HeadersInit): Response {
  const body: Record<string, unknown> = { schemas: [ERROR_SCHEMA], status: String(status), detail };
  if (scimType) body.scimType = scimType;
  const h = new Headers(headers);
  h.set("content-type", SCIM_CONTENT_TYPE);
  h.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status, headers: h });
}

const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** A refused action result as a SCIM error: the `_scim` field error, else the pipeline's code. */
export function scimErrorOf(result: Extract<ActionResult<unknown>, { ok: false }>): Response {
  const tagged = result.fieldErrors?._scim;
  if (tagged) return scimError(Number(tagged[0]), result.message, (tagged[1] || null) as ScimType | null);
  const status = STATUS_OF_CODE[result.code] ?? 500;
  // A pipeline-level refusal (input shape): name the first field.
  const field = Object.keys(result.fieldErrors ?? {})[0];
  const detail = field ? `${field}: ${result.fieldErrors![field][0]}` : result.message;
  return scimError(status, detail, status === 400 ? "invalidValue" : status === 409 ? "uniqueness" : null);
}
