import { describe, expect, it } from "vitest";

import { centsToGroupedString, parseMoneyToCents } from "@/lib/money";
import { plural } from "@/lib/format";
import { updateBodyProblems, withoutEmptyTemplate } from "@/lib/projects/update-body";

// What a status update's details may hold (the form's hint, UPDATE_BODY_HINT, says the same).

describe("updateBodyProblems", () => {
  it.each([
    ["", []],
    ["**Done**\n- shipped\n\n> quote\n\n# Heading\n\n1. one", []],
    ["See [the plan](https://example.com/plan) or [mail](mailto:a@b.example)", []],
    ["Inline `<div>` and\n\n```\n<script>x</script>\n```", []],
  ] as const)("accepts plain markdown: %j", (body, problems) => {
    expect(updateBodyProblems(body)).toEqual(problems);
  });

  it("names each HTML tag and bad link with its line", () => {
    expect(
      updateBodyProblems("Done\n\n<div>vendor</div>\n\ntext <b>bold</b>\n\n[x](javascript:alert(1))\n\n![i](data:image/png;base64,AAAA)"),
    ).toEqual([
      "Line 3: HTML is not allowed (<div>). Use markdown, or put it in `backticks` to show it as code.",
      "Line 5: HTML is not allowed (<b>). Use markdown, or put it in `backticks` to show it as code.",
      "Line 7: the link “javascript:alert(1)” must start with http://, https:// or mailto:.",
      "Line 9: the link “data:image/png;base64,AAAA” must start with http://, https:// or mailto:.",
    ]);
  });
});

describe("withoutEmptyTemplate", () => {
  const TEMPLATE = "**Done**\n- \n\n**Next**\n- \n\n**Risks**\n- ";
  it.each([
    [TEMPLATE, ""],
    ["**Done**\n- shipped login\n- \n\n**Next**\n- \n\n**Risks**\n- vendor late", "**Done**\n- shipped login\n\n**Risks**\n- vendor late"],
    ["Plain text, no template.", "Plain text, no template."],
    ["**Details**", "**Details**"],
    ["**Done**\nWrote a paragraph instead of bullets.", "**Done**\nWrote a paragraph instead of bullets."],
  ])("%j → %j", (body, expected) => expect(withoutEmptyTemplate(body)).toBe(expected));
});

describe("display helpers", () => {
  it.each([
    [0, "0 projects"],
    [1, "1 project"],
    [2, "2 projects"],
    [1200, "1,200 projects"],
  ])("plural(%i)", (n, text) => expect(plural(n, "project")).toBe(text));

  it.each([
    [15_500_000, "155,000.00"],
    [99, "0.99"],
    [-123_456_789, "-1,234,567.89"],
    [0, "0.00"],
  ])("centsToGroupedString(%i) reads back as the same cents", (cents, text) => {
    expect(centsToGroupedString(cents)).toBe(text);
    expect(parseMoneyToCents(text)).toBe(BigInt(cents));
  });
});
