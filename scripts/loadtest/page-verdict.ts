// Whether a 200 page carries a real error boundary. Three signs of one: an error template
// (React's `<template data-dgst="…">`) with a digest, an error digest in the page's RSC payload,
// or the app's own error panel (components/shell/error-panel.tsx, `data-error-boundary`). Not
// one: the template React streams when a boundary is rendered on the client on purpose (the
// charts are client-only), whose digest is empty or Next.js's BAILOUT_TO_CLIENT_SIDE_RENDERING
// marker; the load test counted those as failures and could not tell a chart from a crash.

const CSR_BAILOUT = new Set(["", "BAILOUT_TO_CLIENT_SIDE_RENDERING"]);

/** The reason the page is an error, or null for a page that rendered. */
export function pageError(html: string): string | null {
  for (const m of html.matchAll(/<template\b[^>]*\bdata-dgst="([^"]*)"/g)) {
    if (!CSR_BAILOUT.has(m[1])) return `error boundary in page (digest ${m[1]})`;
  }
  // In the RSC payload (inside script strings, so the quotes may be escaped).
  for (const m of html.matchAll(/\\*"digest\\*":\\*"([^"\\]*)/g)) {
    if (!CSR_BAILOUT.has(m[1])) return `error digest in page data (${m[1]})`;
  }
  if (/\bdata-error-boundary\b/.test(html)) return "error panel rendered";
  return null;
}
