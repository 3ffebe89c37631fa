import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";

import { config } from "@/proxy";

const matches = (url: string, headers: Record<string, string> = {}) => unstable_doesMiddlewareMatch({ config, url, headers });

describe("which requests the proxy sees", () => {
  it("pages, actions and route handlers, including prefetches (they carry the CSP too)", () => {
    expect(matches("/acme/dashboard")).toBe(true);
    expect(matches("/acme/budgets")).toBe(true);
    expect(matches("/acme/budgets/export")).toBe(true);
    expect(matches("/acme/dashboard", { "next-router-prefetch": "1" })).toBe(true);
    expect(matches("/acme/dashboard", { purpose: "prefetch" })).toBe(true);
  });

  it("not the CSV upload, whose body the proxy would cut at 10 MB", () => {
    expect(matches("/acme/budgets/import")).toBe(false);
    expect(matches("/acme/budgets/import?kind=plan&name=x.csv")).toBe(false);
    expect(matches("/acme/budgets/imports")).toBe(true);
  });

  it("not the bench's bare page (/keel-bench/floor), and nothing else by that name", () => {
    expect(matches("/keel-bench/floor")).toBe(false);
    expect(matches("/keel-bench/floor/")).toBe(false);
    expect(matches("/keel-bench/floor/x")).toBe(true);
    expect(matches("/keel-bench/floors")).toBe(true);
    expect(matches("/keel-bench")).toBe(true);
    expect(matches("/acme/keel-bench/floor")).toBe(true);
  });

  it("not static files", () => {
    expect(matches("/_next/static/chunks/app.js")).toBe(false);
  });
});
