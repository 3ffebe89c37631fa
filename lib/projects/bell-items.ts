// How many notifications the bell lists. The layout passes only these and the total, not the
// thousands of stale projects of a large org: props of a client component are serialized into
// every page.
export const BELL_ITEMS = 12;
