import { ChevronDown, ChevronRight, Pencil, type LucideIcon } from "lucide-react";

// Icons repeated on every row of a long list (a row's "more columns" toggle, its edit button),
// drawn once per page as <symbol>s (SpriteIconSymbols, in the app shell) that each use points at,
// as the health badges' icons are (components/ui/badge.tsx). Drawn inline, each was ~300–400
// bytes of SVG in the HTML and a client component with its paths in the RSC payload: 139 KB of
// the vendors page's 634 KB at the large org (200 toggles, 200 pencils).
const SPRITE_ICONS = {
  "chevron-down": ChevronDown,
  "chevron-right": ChevronRight,
  pencil: Pencil,
} satisfies Record<string, LucideIcon>;

export type SpriteIconName = keyof typeof SPRITE_ICONS;

const symbolId = (name: SpriteIconName) => `keel-icon-${name}`;

/** Icons as <symbol>s with the ids `idOf` gives them, for <use>: once per document. */
export function IconSymbols<K extends string>({ icons, idOf }: { icons: Partial<Record<K, LucideIcon>>; idOf: (name: K) => string }) {
  return (
    <svg aria-hidden focusable="false" width="0" height="0" className="absolute overflow-hidden">
      {(Object.entries(icons) as [K, LucideIcon][]).map(([name, Icon]) => (
        <symbol key={name} id={idOf(name)} viewBox="0 0 24 24">
          <Icon />
        </symbol>
      ))}
    </svg>
  );
}

/** The sprite's symbols, once per document (the app shell). */
export function SpriteIconSymbols() {
  return <IconSymbols icons={SPRITE_ICONS} idOf={symbolId} />;
}

/** One of the sprite's icons, decorative (its control carries the label). Size it with `className` or its container. */
export function SpriteIcon({ name, className }: { name: SpriteIconName; className?: string }) {
  return (
    <svg aria-hidden focusable="false" className={className}>
      <use href={`#${symbolId(name)}`} />
    </svg>
  );
}
