// Server-side paging of long lists (?page=N in the URL): the page renders one slice, never
// thousands of rows, and the links keep every other filter of the URL.

import { z } from "zod";

import { parseSearch, type SearchParams as Search, zParam } from "@/lib/search-params";

export const PAGE_SIZE = 100;

export type PageInfo = { page: number; pageSize: number; total: number; pages: number; from: number; to: number; param?: string };

/**
 * ?page=N (1-based; anything else is page 1), clamped to the last page. `param` names another
 * parameter for a second paged list on the same page (?ipage=N).
 */
export function pageOf(sp: Search, total: number, pageSize = PAGE_SIZE, param = "page"): PageInfo {
  const raw = parseSearch(z.object({ [param]: zParam() }), sp)[param];
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const wanted = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const page = Math.min(Math.max(1, wanted), pages);
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  return { page, pageSize, total, pages, from, to: Math.min(total, page * pageSize), ...(param !== "page" ? { param } : {}) };
}

export function slicePage<T>(rows: T[], info: PageInfo): T[] {
  return rows.slice((info.page - 1) * info.pageSize, info.page * info.pageSize);
}

/** The URL of another page, with every other string parameter kept. */
export function pageHref(base: string, sp: Search, page: number, param = "page"): string {
  const q = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (typeof v === "string" && v && k !== param ? [[k, v]] : [])));
  if (page > 1) q.set(param, String(page));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}
