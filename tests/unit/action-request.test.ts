import { describe, expect, it } from "vitest";

import { ZImportHiringPlanInput } from "@/lib/headcount/schemas";
import { jsonDepth, MAX_ACTION_BODY_DEPTH, refuseActionBody, refuseActionHeaders } from "@/lib/security/action-request";
import { ACTION_BODY_LIMIT_BYTES, HIRING_PLAN_MAX_CHARS } from "@/lib/security/body-limits";
import nextConfig from "@/next.config";

// Issue 18, findings 1 and 7: Next.js answers an over-size, cross-origin or undecodable action
// with a bare 500; proxy.ts refuses them with 413/403/400 and a sentence.

const headers = (h: Record<string, string>) => new Headers(h);
const action = (body: string, type = "text/plain;charset=UTF-8") =>
  new Request("http://keel.test/acme/headcount", { method: "POST", headers: { "content-type": type, "next-action": "abc" }, body });

describe("server-action requests refused before Next.js sees them", () => {
  it("same origin passes; another origin, a null origin or a garbled one is a 403", () => {
    expect(refuseActionHeaders(headers({ host: "keel.test", origin: "http://keel.test", "content-length": "12" }))).toBeNull();
    expect(
      refuseActionHeaders(
        headers({ host: "keel.test", "x-forwarded-host": "app.example", origin: "https://app.example", "content-length": "12" }),
      ),
    ).toBeNull();
    for (const origin of ["https://evil.example", "null", "::garbage", "http://keel.test.evil.example"]) {
      expect(refuseActionHeaders(headers({ host: "keel.test", origin }))).toMatchObject({ status: 403 });
    }
  });

  it("a body over the limit is a 413 whose message names the limit", () => {
    const refusal = refuseActionHeaders(
      headers({ host: "keel.test", origin: "http://keel.test", "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) }),
    );
    expect(refusal).toEqual({ status: 413, message: expect.stringContaining("larger than 8 MB") });
    expect(refuseActionHeaders(headers({ host: "keel.test", "content-length": String(ACTION_BODY_LIMIT_BYTES) }))).toBeNull();
  });

  it("a body without a declared size (chunked) is a 411 naming the limit, before any of it is read", () => {
    // Next.js reads a chunked action body past the limit and answers with a bare 500; every
    // browser sends a form's size, so a body without one is refused up front.
    const refusal = refuseActionHeaders(headers({ host: "keel.test", origin: "http://keel.test", "transfer-encoding": "chunked" }));
    expect(refusal).toEqual({ status: 411, message: expect.stringContaining("8 MB") });
    expect(refusal!.message).toContain("size");
  });

  it("malformed or deeply nested bodies are a 400; ordinary ones pass", async () => {
    expect(await refuseActionBody(action('["acme",{"name":"x [ { "}]'))).toBeNull();
    expect(await refuseActionBody(action("[]"))).toBeNull();
    expect(await refuseActionBody(action('["acme",{"name":'))).toMatchObject({ status: 400 });
    expect(await refuseActionBody(action("[".repeat(5000) + "]".repeat(5000)))).toMatchObject({ status: 400 });
    const form = new FormData();
    form.set("0", "[".repeat(MAX_ACTION_BODY_DEPTH + 1));
    const multipart = new Request("http://keel.test/x", { method: "POST", headers: { "next-action": "abc" }, body: form });
    expect(await refuseActionBody(multipart)).toMatchObject({ status: 400 });
  });

  it("measures depth outside strings only", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
  });
});

describe("the server-action body limit holds the largest schema", () => {
  it("next.config.ts gives Next.js the same limit", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(ACTION_BODY_LIMIT_BYTES);
  });

  it("the largest hiring plan the schema accepts fits in one action body", () => {
    // Worst ordinary text: every character a 3-byte one, with quotes and line breaks to escape.
    const row = '"Ingénieur·e ☃",IC3,T1,2027-01-04,120000\n';
    const csv = row.repeat(Math.ceil(HIRING_PLAN_MAX_CHARS / row.length)).slice(0, HIRING_PLAN_MAX_CHARS);
    expect(ZImportHiringPlanInput.safeParse({ csv, fileName: "p.csv" }).success).toBe(true);
    expect(ZImportHiringPlanInput.safeParse({ csv: csv + "x", fileName: "p.csv" }).success).toBe(false);
    const threeByte = "☃".repeat(HIRING_PLAN_MAX_CHARS);
    for (const text of [csv, threeByte]) {
      expect(Buffer.byteLength(JSON.stringify(["some-org-slug", { csv: text, fileName: "hiring-plan.csv" }]))).toBeLessThan(
        ACTION_BODY_LIMIT_BYTES,
      );
    }
  });
});
