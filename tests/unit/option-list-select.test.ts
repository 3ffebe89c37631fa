import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { OptionListSelect } from "@/components/ui/option-list-select";

// The roadmap's and the headcount plan's unit filters send their options as tuples; the select
// they render must be the one the <option> elements gave: same values, labels, indent and selection.

const render = (props: Parameters<typeof OptionListSelect>[0]) => renderToStaticMarkup(createElement(OptionListSelect, props));

describe("OptionListSelect", () => {
  it("renders one option per tuple, in order, with its value and label", () => {
    const html = render({ name: "initiative", options: [["", "Any initiative"], ["none", "No initiative"], ["i1", "Initiative <1> & co"]] });
    const options = [...html.matchAll(/<option value="([^"]*)"[^>]*>(.*?)<\/option>/g)].map((m) => [m[1], m[2]]);
    expect(options).toEqual([["", "Any initiative"], ["none", "No initiative"], ["i1", "Initiative &lt;1&gt; &amp; co"]]);
    expect(html).toMatch(/^<select data-slot="native-select" class="[^"]*" name="initiative">/);
  });

  it("indents a tree by depth with two no-break spaces per level, as one text node", () => {
    const html = render({ options: [["", "All units"], ["u0", "Org", 0], ["u2", "Team 2", 2]] });
    expect(html).toContain('<option value="u0">Org</option>');
    expect(html).toContain('<option value="u2">\u00a0\u00a0\u00a0\u00a0Team 2</option>');
    expect(html).not.toContain("<!-- -->");
  });

  it("selects the default value", () => {
    const html = render({ name: "unit", defaultValue: "u2", options: [["", "All units"], ["u1", "A"], ["u2", "B", 1]] });
    expect(html).toMatch(/<option value="u2" selected="">/);
    expect(html).not.toMatch(/<option value="u1" selected/);
  });
});
