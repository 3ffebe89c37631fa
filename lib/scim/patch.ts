import { scimPatch, ScimError, type ScimPatchOperation, type ScimResource } from "scim-patch";

import { scimInvalid, type ScimType } from "@/lib/scim/errors";
import type { ScimPatchOp } from "@/lib/scim/schemas";

// PATCH operations (RFC 7644 §3.5.2) applied by the scim-patch library, after smoothing over
// what providers send (docs/scim.md): Entra ID capitalises op names ("Replace") and sends a
// Remove of the manager with the old manager as its value, which a single-valued attribute
// cannot take. The result is validated again as a whole resource by the caller.

const OPS = ["add", "remove", "replace"] as const;

function normaliseOp(op: ScimPatchOp, index: number): ScimPatchOperation {
  const name = op.op.trim().toLowerCase();
  if (!(OPS as readonly string[]).includes(name))
    throw scimInvalid(`Operations[${index}].op`, `Operations[${index}].op: must be add, remove or replace.`, "invalidSyntax");
  if (name === "remove") {
    if (!op.path) throw scimInvalid(`Operations[${index}].path`, `Operations[${index}].path: a remove needs a path.`, "noTarget");
    // A single-valued attribute is removed whatever value is sent with it (Entra's manager).
    const singleValued = /(^|:)(manager|active|externalId|displayName|title)$/i.test(op.path);
    return singleValued || op.value === undefined ? { op: "remove", path: op.path } : { op: "remove", path: op.path, value: op.value };
  }
  return op.path === undefined
    ? { op: name as "add" | "replace", value: op.value }
    : { op: name as "add" | "replace", path: op.path, value: op.value };
}

/** The resource after the operations, or a SCIM 400 naming the operation that failed. */
export function applyPatchOrThrow(resource: Record<string, unknown>, ops: ScimPatchOp[]): Record<string, unknown> {
  const operations = ops.map(normaliseOp);
  let doc = { ...resource, meta: { resourceType: "x" } } as unknown as ScimResource;
  for (const [i, op] of operations.entries()) {
    try {
      doc = scimPatch(doc, [op], { mutateDocument: false, treatMissingAsAdd: true });
    } catch (error) {
      // The library is pure: whatever it throws is about the operation, not about Keel.
      const scimType = ((error instanceof ScimError && error.scimCode) || "invalidValue") as ScimType;
      const message = error instanceof Error ? error.message : "cannot be applied";
      const where = `Operations[${i}]${"path" in op && op.path ? ` (${op.path})` : ""}`;
      throw scimInvalid(`Operations[${i}]`, `${where}: ${message}`, scimType);
    }
  }
  const { meta: _meta, ...patched } = doc as unknown as Record<string, unknown>;
  return patched;
}
