import { describe, expect, it } from "vitest";

import { pageError } from "@/scripts/loadtest/page-verdict";

// Issue 18, finding 9: the load client counted the charts' client-side-rendering bailout as an
// error boundary, so the fault test was red for one session before any load.

const page = (body: string) => `<!DOCTYPE html><html><body>${body}</body></html>`;

describe("what the load test counts as an error boundary", () => {
  it("not a chart rendered on the client", () => {
    expect(pageError(page('<div>ok</div><!--$!--><template data-dgst=""></template><!--/$-->'))).toBeNull();
    expect(pageError(page('<!--$!--><template data-dgst="BAILOUT_TO_CLIENT_SIDE_RENDERING"></template><!--/$-->'))).toBeNull();
    expect(pageError(page('<script>self.__next_f.push([1,"{\\"digest\\":\\"BAILOUT_TO_CLIENT_SIDE_RENDERING\\"}"])</script>'))).toBeNull();
    expect(pageError(page("<p>data-dgst is a word in this text, digest too</p>"))).toBeNull();
  });

  it("a real one: an error template with a digest, a digest in the page data, or the error panel", () => {
    expect(pageError(page('<!--$!--><template data-dgst="2384573561"></template><!--/$-->'))).toMatch(/digest 2384573561/);
    expect(pageError(page('<script>self.__next_f.push([1,"3:E{\\"digest\\":\\"987654\\"}"])</script>'))).toMatch(/987654/);
    expect(pageError(page('<div role="alert" data-error-boundary="" class="x"><h2>Something went wrong</h2></div>'))).toBe(
      "error panel rendered",
    );
  });
});
