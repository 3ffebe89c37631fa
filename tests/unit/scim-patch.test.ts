import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { applyPatchOrThrow } from "@/lib/scim/patch";
import { keelEmailOf, parseUserOrThrow } from "@/lib/scim/schemas";

// The provider quirks of docs/scim.md, one case each: what the provider sends → what Keel stores.

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const EXT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const base = () => ({
  schemas: [USER],
  userName: "eve@acme.example",
  active: true,
  name: { givenName: "Eve" },
  [EXT]: { department: "ENG" },
});
const patched = (ops: { op: string; path?: string; value?: unknown }[]) => parseUserOrThrow(applyPatchOrThrow(base(), ops));

function refusal(fn: () => unknown): { field: string; scimType: string } {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const [field] = Object.keys(error.fieldErrors ?? {}).filter((k) => k !== "_scim");
    return { field, scimType: error.fieldErrors!._scim[1] };
  }
  throw new Error("expected a refusal");
}

describe("PATCH as providers send it", () => {
  it.each([
    ["Okta: path-less replace of active", [{ op: "replace", value: { active: false } }], { active: false }],
    ["Entra: capitalised op, active as a string", [{ op: "Replace", path: "active", value: "False" }], { active: false }],
    [
      "Entra: path-less value with dotted keys",
      [{ op: "Replace", value: { "name.givenName": "Evelyn", active: "True" } }],
      { active: true, name: { givenName: "Evelyn" } },
    ],
    [
      "Entra: manager as a bare id on the extension path",
      [{ op: "Add", path: `${EXT}:manager`, value: "m-1" }],
      { [EXT]: { manager: { value: "m-1" } } },
    ],
    [
      "Entra: department on the extension path",
      [{ op: "Replace", path: `${EXT}:department`, value: "OPS" }],
      { [EXT]: { department: "OPS" } },
    ],
  ])("%s", (_label, ops, expected) => {
    expect(patched(ops)).toMatchObject(expected);
  });

  it("Entra: removing the manager with the old manager as value removes it", () => {
    const withManager = patched([{ op: "Add", path: `${EXT}:manager`, value: { value: "m-1" } }]);
    const removed = parseUserOrThrow(applyPatchOrThrow(withManager, [{ op: "Remove", path: `${EXT}:manager`, value: [{ value: "m-1" }] }]));
    expect(removed[EXT]).toEqual({ department: "ENG" });
  });

  it("refuses an unknown op, a remove without a path and an unknown attribute, naming them", () => {
    expect(refusal(() => patched([{ op: "move", path: "title" }]))).toEqual({ field: "Operations[0].op", scimType: "invalidSyntax" });
    expect(refusal(() => patched([{ op: "remove" }]))).toEqual({ field: "Operations[0].path", scimType: "noTarget" });
    expect(refusal(() => patched([{ op: "add", path: "shoeSize", value: 44 }]))).toEqual({ field: "shoeSize", scimType: "invalidValue" });
    expect(refusal(() => patched([{ op: "replace", path: "active", value: "maybe" }]))).toEqual({
      field: "active",
      scimType: "invalidValue",
    });
  });
});

describe("a User resource", () => {
  it("ignores read-only and write-only attributes (Okta's PUT)", () => {
    const user = parseUserOrThrow({ ...base(), id: "x", meta: {}, groups: [], password: "secret-1!" });
    expect(user).not.toHaveProperty("password");
    expect(user).not.toHaveProperty("groups");
  });

  it("signs in by the primary email, else an email-shaped userName, else none", () => {
    expect(keelEmailOf(parseUserOrThrow({ ...base(), emails: [{ value: "a@x.example" }, { value: "B@x.example", primary: true }] }))).toBe(
      "b@x.example",
    );
    expect(keelEmailOf(parseUserOrThrow(base()))).toBe("eve@acme.example");
    expect(keelEmailOf(parseUserOrThrow({ ...base(), userName: "eve" }))).toBeNull();
  });
});
