import { describe, expect, it } from "vitest";

import { pageHref, pageOf, slicePage } from "@/lib/paging";

describe("server-side paging", () => {
  it("reads ?page and clamps it to the list", () => {
    expect(pageOf({}, 250, 100)).toMatchObject({ page: 1, pages: 3, from: 1, to: 100 });
    expect(pageOf({ page: "3" }, 250, 100)).toMatchObject({ page: 3, from: 201, to: 250 });
    expect(pageOf({ page: "99" }, 250, 100).page).toBe(3);
    expect(pageOf({ page: "0" }, 250, 100).page).toBe(1);
    expect(pageOf({ page: "-2" }, 250, 100).page).toBe(1);
    expect(pageOf({ page: "abc" }, 250, 100).page).toBe(1);
    expect(pageOf({ page: ["2", "3"] }, 250, 100).page).toBe(2);
    expect(pageOf({}, 0, 100)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0 });
  });

  it("slices exactly one page", () => {
    const rows = Array.from({ length: 250 }, (_, i) => i);
    expect(slicePage(rows, pageOf({ page: "2" }, rows.length, 100))).toEqual(rows.slice(100, 200));
    expect(slicePage(rows, pageOf({ page: "3" }, rows.length, 100))).toHaveLength(50);
  });

  it("keeps the other filters in page links and drops page=1", () => {
    expect(pageHref("/acme/projects", { status: "ACTIVE", health: "AT_RISK", page: "4" }, 2)).toBe(
      "/acme/projects?status=ACTIVE&health=AT_RISK&page=2",
    );
    expect(pageHref("/acme/projects", { status: "ACTIVE", page: "2" }, 1)).toBe("/acme/projects?status=ACTIVE");
    expect(pageHref("/acme/projects", {}, 1)).toBe("/acme/projects");
  });

  it("pages a second list on its own parameter, keeping the first list's page", () => {
    const info = pageOf({ page: "2", ipage: "3" }, 120, 50, "ipage");
    expect(info).toMatchObject({ page: 3, from: 101, to: 120, param: "ipage" });
    expect(pageOf({ page: "2", ipage: "3" }, 120, 50).page).toBe(2);
    expect(pageHref("/acme/roadmap", { page: "2", ipage: "3" }, 1, "ipage")).toBe("/acme/roadmap?page=2");
    expect(pageHref("/acme/roadmap", { page: "2" }, 2, "ipage")).toBe("/acme/roadmap?page=2&ipage=2");
  });
});
