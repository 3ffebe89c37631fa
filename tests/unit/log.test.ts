import { Writable } from "node:stream";

import { describe, expect, it } from "vitest";

import { createLogger, requestContext, requestIdFrom, routeOf } from "@/lib/log";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: createLogger("info", stream) };
}

describe("logger", () => {
  it("writes JSON lines with an ISO time and a level word", () => {
    const { lines, logger } = capture();
    logger.info({ route: "/x" }, "hello");
    expect(lines[0]).toMatchObject({ level: "info", msg: "hello", route: "/x" });
    expect(new Date(String(lines[0].time)).toISOString()).toBe(lines[0].time);
  });

  it("redacts secrets by field name and the password inside connection strings", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        password: "p1",
        user: { passwordHash: "h", token: "t" },
        headers: { cookie: "c", authorization: "Bearer b" },
        DATABASE_URL: "postgresql://u:pw@h/db",
      },
      "x",
    );
    logger.error({ err: new Error("could not connect to postgresql://keel:s3cret@db.example:5432/keel") }, "y");
    const text = JSON.stringify(lines);
    for (const secret of ["p1", '"h"', '"t"', '"c"', "Bearer", "pw@", "s3cret"]) expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
    expect(text).toContain("postgresql://keel:***@db.example:5432/keel");
  });

  it("stamps every line logged inside a request with its id", () => {
    const { lines, logger } = capture();
    requestContext.run({ reqId: "req-1" }, () => logger.warn("inside"));
    logger.warn("outside");
    expect(lines[0].reqId).toBe("req-1");
    expect(lines[1].reqId).toBeUndefined();
  });

  it("respects the level", () => {
    const lines: unknown[] = [];
    const stream = new Writable({ write: (c, _e, done) => (lines.push(c), done()) });
    const logger = createLogger("warn", stream);
    logger.info("no");
    logger.warn("yes");
    expect(lines).toHaveLength(1);
  });
});

describe("request ids and routes", () => {
  it("keeps a sane X-Request-Id and replaces anything else", () => {
    expect(requestIdFrom("lb-123.abc:9")).toBe("lb-123.abc:9");
    for (const bad of [undefined, "", "a b", "x".repeat(129), "<script>", ["a", "b"]])
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs the path without its query or an invitation token", () => {
    expect(routeOf("/login?callbackUrl=%2Facme")).toBe("/login");
    expect(routeOf("/invite/abcDEF123?x=1")).toBe("/invite/[token]");
    expect(routeOf("/acme/projects")).toBe("/acme/projects");
  });
});
