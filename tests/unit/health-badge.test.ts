import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { HealthBadge, HealthIconSprite } from "@/components/ui/badge";
import type { Health } from "@/lib/generated/prisma/enums";

// Health badges draw their icon with <use> pointing at a symbol of the one sprite in the app
// shell: every badge must point at a symbol that exists, each health with its own shape.

const HEALTHS: Health[] = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "UNKNOWN"];
const sprite = renderToStaticMarkup(createElement(HealthIconSprite));
const symbols = new Map([...sprite.matchAll(/<symbol id="([^"]+)"[^>]*>(.*?)<\/symbol>/g)].map((m) => [m[1], m[2]]));

describe("health badge icons", () => {
  it.each(HEALTHS)("%s: the badge uses a symbol of the sprite, and carries no inline icon", (health) => {
    const html = renderToStaticMarkup(createElement(HealthBadge, { health }));
    const ids = [...html.matchAll(/<use href="#([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(1);
    expect(symbols.has(ids[0])).toBe(true);
    expect(symbols.get(ids[0])).toMatch(/<(path|circle)/);
    expect(html).not.toMatch(/<path|<circle/);
    expect(html).toMatch(/<svg aria-hidden="true">/);
  });

  it("gives each health a different shape", () => {
    const shapes = HEALTHS.map((health) => {
      const id = /<use href="#([^"]+)"/.exec(renderToStaticMarkup(createElement(HealthBadge, { health })))![1];
      return symbols.get(id);
    });
    expect(new Set(shapes).size).toBe(HEALTHS.length);
  });

  it("keeps the sprite out of the accessibility tree", () => {
    expect(sprite).toMatch(/^<svg aria-hidden="true" focusable="false" width="0" height="0"/);
  });
});
