import { z } from "zod";

import { scimInvalid } from "@/lib/scim/errors";

// The SCIM resources Keel accepts (RFC 7643 §4 core User and Group, and the enterprise
// extension), and the normalisation of what identity providers actually send (docs/scim.md):
// Entra ID's `active` as the string "False", its manager as a bare id, Okta's read-only
// attributes in a PUT. Unknown attributes are refused by name, never silently stored.

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

const str = (max = 500) => z.string().max(max);
const multi = z.array(z.record(z.string(), z.unknown()));

const ZName = z.strictObject({
  formatted: str().optional(),
  familyName: str().optional(),
  givenName: str().optional(),
  middleName: str().optional(),
  honorificPrefix: str().optional(),
  honorificSuffix: str().optional(),
});

const ZEmail = z.strictObject({
  value: z.email({ error: "Must be an email address." }).max(320),
  type: str(40).optional(),
  primary: z.boolean().optional(),
  display: str().optional(),
});

const ZManager = z.strictObject({ value: str(200).optional(), displayName: str().optional(), $ref: str().optional() });

const ZEnterprise = z.strictObject({
  employeeNumber: str(200).optional(),
  costCenter: str(200).optional(),
  organization: str().optional(),
  division: str().optional(),
  department: str().optional(),
  manager: ZManager.optional(),
});

/** A User as stored and returned (without id, meta and groups, which Keel owns). */
const ZScimUser = z.strictObject({
  schemas: z.array(z.string()).refine((s) => s.includes(USER_SCHEMA), { error: `Must include ${USER_SCHEMA}.` }),
  externalId: str(200).optional(),
  userName: z.string({ error: "Required: a string." }).trim().min(1, "Must not be empty.").max(320),
  name: ZName.optional(),
  displayName: str().optional(),
  nickName: str().optional(),
  profileUrl: str().optional(),
  title: str().optional(),
  userType: str().optional(),
  preferredLanguage: str(40).optional(),
  locale: str(40).optional(),
  timezone: str(80).optional(),
  active: z.boolean({ error: "Must be true or false." }).optional(),
  emails: z.array(ZEmail).optional(),
  phoneNumbers: multi.optional(),
  ims: multi.optional(),
  photos: multi.optional(),
  addresses: multi.optional(),
  entitlements: multi.optional(),
  roles: multi.optional(),
  [ENTERPRISE]: ZEnterprise.optional(),
});
export type ScimUserResource = z.output<typeof ZScimUser>;

const ZMember = z.strictObject({
  value: z.string({ error: "Required: the member's id." }).min(1).max(200),
  display: str().optional(),
  $ref: str().optional(),
  type: str(20).optional(),
});

const ZScimGroup = z.strictObject({
  schemas: z.array(z.string()).refine((s) => s.includes(GROUP_SCHEMA), { error: `Must include ${GROUP_SCHEMA}.` }),
  externalId: str(200).optional(),
  displayName: z.string({ error: "Required: a string." }).trim().min(1, "Must not be empty.").max(200),
  members: z.array(ZMember).max(10_000).optional(),
});
export type ScimGroupResource = z.output<typeof ZScimGroup>;

// Attributes a client may send but Keel owns or never stores: ignored on input (RFC 7643 §7:
// readOnly attributes in a request are ignored; a password is write-only and Keel keeps none).
const IGNORED = ["id", "meta", "groups", "password"];

const BOOLEAN_STRINGS: Record<string, boolean> = { true: true, false: false };

/** Entra ID and others send "True"/"False"; a bare manager id; an empty manager to clear it. */
function normaliseUser(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (IGNORED.includes(key)) continue;
    out[key] = value;
  }
  if (typeof out.active === "string" && out.active.toLowerCase() in BOOLEAN_STRINGS) out.active = BOOLEAN_STRINGS[out.active.toLowerCase()];
  const ext = out[ENTERPRISE];
  if (ext && typeof ext === "object" && !Array.isArray(ext)) {
    const e = { ...(ext as Record<string, unknown>) };
    if (typeof e.manager === "string") e.manager = e.manager ? { value: e.manager } : undefined;
    if (e.manager === null || (typeof e.manager === "object" && !(e.manager as { value?: unknown }).value)) delete e.manager;
    out[ENTERPRISE] = e;
  }
  return out;
}

/** The first issue of a zod error as the SCIM field path and message (unknown keys named). */
function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0];
    return { field: path ? `${path}.${key}` : key, message: "Unknown attribute." };
  }
  return { field: path || "_resource", message: issue.message };
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw scimInvalid("_resource", "The body must be a JSON object.", "invalidSyntax");
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw scimInvalid(field, `${field}: ${message}`);
  }
  return parsed.data;
}

export const parseUserOrThrow = (raw: unknown): ScimUserResource =>
  parseOrThrow(ZScimUser, raw && typeof raw === "object" && !Array.isArray(raw) ? normaliseUser(raw as Record<string, unknown>) : raw);

export function parseGroupOrThrow(raw: unknown): ScimGroupResource {
  const value = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : raw;
  if (value && typeof value === "object") for (const key of ["id", "meta"]) delete (value as Record<string, unknown>)[key];
  return parseOrThrow(ZScimGroup, value);
}

/** The email Keel signs the user in with: the primary email, else the first, else an email-shaped userName. */
export function keelEmailOf(user: ScimUserResource): string | null {
  const emails = user.emails ?? [];
  const email = emails.find((e) => e.primary)?.value ?? emails[0]?.value ?? user.userName;
  return z.email().safeParse(email).success ? email.trim().toLowerCase() : null;
}

/** The display name of the Keel account. */
export function keelNameOf(user: ScimUserResource): string {
  const n = user.name;
  const given = [n?.givenName, n?.familyName].filter(Boolean).join(" ");
  return (user.displayName || n?.formatted || given || user.userName).trim().slice(0, 200);
}

/** What arrives in a PATCH body (RFC 7644 §3.5.2); op names are matched case-insensitively later. */
const ZPatchBody = z.object({
  schemas: z.array(z.string()).refine((s) => s.includes(PATCH_SCHEMA), { error: `Must include ${PATCH_SCHEMA}.` }),
  Operations: z
    .array(
      z.object({
        op: z.string({ error: "Required: add, remove or replace." }),
        path: z.string().optional(),
        value: z.unknown().optional(),
      }),
      { error: "Required: a list of operations." },
    )
    .min(1, "Send at least one operation.")
    .max(1000),
});
export type ScimPatchOp = z.output<typeof ZPatchBody>["Operations"][number];

export function parsePatchOrThrow(raw: unknown): ScimPatchOp[] {
  return parseOrThrow(ZPatchBody, raw).Operations;
}
