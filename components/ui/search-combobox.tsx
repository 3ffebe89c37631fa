"use client";

import { useEffect, useId, useRef, useState } from "react";

import { cn } from "@/lib/utils";

export type SearchOption = { id: string; name: string; title?: string };

/**
 * The one search picker: a text box (ARIA combobox) that asks a search route for a few matches
 * as you type, instead of every option of the org in the page's HTML. The picked id goes in a
 * hidden input named `name`, so the form and its server action see the same field as with a
 * <select>. Keyboard: ↓/↑ move, Enter picks, Escape closes the list (not the dialog around it).
 * Leaving the box shows the picked option again, so what is shown is what is submitted.
 *
 * `source` is a route answering JSON [{ id, name, title? }] to ?q=… plus `params`
 * (app/(app)/[org]/people/search, …/projects/search, …/teams/search, …/roadmap/search). `emptyLabel`
 * adds a first option that picks nothing ("No owner"); `fixed` options follow it whatever is
 * typed (the initiative filter's "No initiative", id "none"). Pass FormField's id as `id` and
 * describedBy(...) props. `onPick` hears every change of the pick (an option, the empty option or
 * the box emptied): a filter that applies at once (the finance filters) navigates on it.
 */
export function SearchCombobox({
  id,
  name,
  source,
  params,
  initial = null,
  emptyLabel,
  fixed,
  placeholder = "Type part of a name",
  onPick,
  className,
  ...aria
}: {
  id: string;
  name: string;
  source: string;
  params?: Record<string, string>;
  initial?: SearchOption | null;
  emptyLabel?: string;
  fixed?: SearchOption[];
  placeholder?: string;
  onPick?: (option: SearchOption | null) => void;
  className?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  const listId = useId();
  const [picked, setPicked] = useState<SearchOption | null>(initial);
  const [text, setText] = useState(initial?.name ?? "");
  const [query, setQuery] = useState<string | null>(null); // null: nothing asked yet
  const [options, setOptions] = useState<SearchOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);
  const paramKey = JSON.stringify(params ?? {});
  // A new `initial` that differs from the pick (the URL changed under a filter: back/forward, a
  // link) is shown; one that only echoes the pick (the page caught up with it) changes nothing, so
  // text being typed is kept. State adjusted while rendering, as React recommends for props.
  const initialId = initial?.id ?? null;
  const [seenInitial, setSeenInitial] = useState(initialId);
  if (initialId !== seenInitial) {
    setSeenInitial(initialId);
    if (initialId !== (picked?.id ?? null)) {
      setPicked(initial);
      setText(initial?.name ?? "");
    }
  }

  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      fetch(`${source}?${new URLSearchParams({ ...JSON.parse(paramKey), q: query })}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : []))
        .then((rows: SearchOption[]) => {
          setOptions(rows);
          setActive(-1);
          setLoading(false);
        })
        .catch(() => {});
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [source, paramKey, query]);

  const choices: SearchOption[] = [...(emptyLabel ? [{ id: "", name: emptyLabel }] : []), ...(fixed ?? []), ...options];

  function show(q: string) {
    setOpen(true);
    setQuery(q);
  }
  function pick(option: SearchOption | null) {
    const value = option && option.id ? option : null;
    setPicked(value);
    setText(value?.name ?? "");
    setOpen(false);
    setActive(-1);
    onPick?.(value);
  }
  // Closing without a pick shows the pick again; the list opens again with nothing highlighted.
  function close() {
    setOpen(false);
    setActive(-1);
    setText(picked?.name ?? "");
  }
  function move(by: number) {
    if (!open) return show(text === picked?.name ? "" : text);
    if (!choices.length) return;
    const next = (active + by + choices.length) % choices.length;
    setActive(next);
    listRef.current?.children[next]?.scrollIntoView({ block: "nearest" });
  }

  return (
    <div className="relative">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        className={cn(
          "flex h-9 w-full min-w-0 rounded-md border border-input bg-background px-3 py-1 text-sm shadow-xs transition-colors",
          "placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
          "aria-invalid:border-destructive aria-invalid:ring-destructive/20",
          className,
        )}
        {...aria}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) {
            setPicked(null);
            onPick?.(null);
          }
          show(e.target.value);
        }}
        onFocus={() => show(text === picked?.name ? "" : text)}
        onBlur={close}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            move(e.key === "ArrowDown" ? 1 : -1);
          } else if (e.key === "Enter" && open) {
            // Enter picks; it never submits the form while the list is open.
            e.preventDefault();
            if (active >= 0 && choices[active]) pick(choices[active]);
          } else if (e.key === "Escape" && open) {
            e.preventDefault();
            close();
          }
        }}
      />
      <input type="hidden" name={name} value={picked?.id ?? ""} />
      <ul
        id={listId}
        ref={listRef}
        role="listbox"
        aria-label="Matches"
        hidden={!open}
        className="absolute z-50 mt-1 max-h-60 w-full overflow-y-auto rounded-md border border-border bg-background py-1 text-sm shadow-lg"
      >
        {choices.map((o, i) => (
          <li
            key={o.id ? `o-${o.id}` : "empty"}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={cn("cursor-pointer px-3 py-1.5", i === active ? "bg-muted" : "hover:bg-muted/60", !o.id && "text-muted-foreground")}
            // Pick before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(o);
            }}
          >
            {o.name}
            {o.title ? <span className="text-muted-foreground"> — {o.title}</span> : null}
          </li>
        ))}
        {!options.length ? (
          <li role="presentation" className="px-3 py-1.5 text-muted-foreground">
            {loading || query === null ? "Searching…" : "No matches"}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
