"use client";

import { Search } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";

import { Input } from "@/components/ui/input";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import type { OrgChartNode } from "@/lib/people/queries";

// Reporting lines as a collapsible tree. People whose manager is not in post (or who have none)
// are roots. Searching expands the managers above every match and highlights the matches.

type Tree = { byManager: Map<string | null, OrgChartNode[]>; parentOf: Map<string, string | null>; roots: OrgChartNode[] };

function buildTree(people: OrgChartNode[]): Tree {
  const ids = new Set(people.map((p) => p.id));
  const byManager = new Map<string | null, OrgChartNode[]>();
  const parentOf = new Map<string, string | null>();
  for (const p of people) {
    const parent = p.managerId && ids.has(p.managerId) ? p.managerId : null;
    parentOf.set(p.id, parent);
    const list = byManager.get(parent) ?? [];
    list.push(p);
    byManager.set(parent, list);
  }
  return { byManager, parentOf, roots: byManager.get(null) ?? [] };
}

function countBelow(id: string, tree: Tree): number {
  let n = 0;
  const stack = [...(tree.byManager.get(id) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    n++;
    stack.push(...(tree.byManager.get(p.id) ?? []));
  }
  return n;
}

export function OrgChart({ people, org }: { people: OrgChartNode[]; org: string }) {
  const tree = useMemo(() => buildTree(people), [people]);
  // Roots start expanded so the top of the org is visible at once.
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(tree.roots.map((r) => r.id)));
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const { matches, open } = useMemo(() => {
    const matches = new Set<string>();
    const open = new Set<string>();
    if (q.length < 2) return { matches, open };
    for (const p of people) {
      if (p.name.toLowerCase().includes(q) || p.title.toLowerCase().includes(q)) {
        matches.add(p.id);
        let up = tree.parentOf.get(p.id) ?? null;
        while (up && !open.has(up)) {
          open.add(up);
          up = tree.parentOf.get(up) ?? null;
        }
      }
    }
    return { matches, open };
  }, [q, people, tree]);

  const isOpen = (id: string) => expanded.has(id) || open.has(id);
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const renderNodes = (nodes: OrgChartNode[], level: number) => (
    <ul
      role={level === 1 ? "tree" : "group"}
      aria-label={level === 1 ? "Reporting lines" : undefined}
      className={level > 1 ? "ml-5 border-l border-border pl-3" : undefined}
    >
      {nodes.map((p) => {
        const children = tree.byManager.get(p.id) ?? [];
        const expandedHere = children.length > 0 && isOpen(p.id);
        return (
          <li
            key={p.id}
            role="treeitem"
            aria-expanded={children.length ? expandedHere : undefined}
            aria-level={level}
            aria-selected={false}
            className="py-0.5"
          >
            <div className={`flex items-center gap-1.5 rounded px-1 text-sm ${matches.has(p.id) ? "bg-health-at-risk-soft" : ""}`}>
              {children.length ? (
                <button
                  type="button"
                  onClick={() => toggle(p.id)}
                  className="rounded p-0.5 hover:bg-muted"
                  aria-label={`${expandedHere ? "Collapse" : "Expand"} ${p.name}'s reports`}
                >
                  <SpriteIcon name={expandedHere ? "chevron-down" : "chevron-right"} className="size-4" />
                </button>
              ) : (
                <span className="inline-block w-5" aria-hidden />
              )}
              <Link href={`/${org}/people/${p.id}`} prefetch={false} className="font-medium hover:underline">
                {p.name}
              </Link>
              <span className="text-muted-foreground">
                {p.title} · {p.teamName}
              </span>
              {children.length ? <span className="text-xs text-muted-foreground">({countBelow(p.id, tree)} below)</span> : null}
            </div>
            {expandedHere ? renderNodes(children, level + 1) : null}
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-72">
          <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" />
          <Input
            type="search"
            aria-label="Search the org chart"
            placeholder="Search by name or title"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="pl-8"
          />
        </div>
        <button
          type="button"
          className="text-sm text-primary hover:underline"
          onClick={() => setExpanded(new Set(people.map((p) => p.id)))}
        >
          Expand all
        </button>
        <button type="button" className="text-sm text-primary hover:underline" onClick={() => setExpanded(new Set())}>
          Collapse all
        </button>
        {q.length >= 2 ? (
          <span className="text-sm text-muted-foreground" role="status">
            {matches.size} match{matches.size === 1 ? "" : "es"}
          </span>
        ) : null}
      </div>
      <div className="rounded-lg border border-border bg-card p-3">{renderNodes(tree.roots, 1)}</div>
    </div>
  );
}
