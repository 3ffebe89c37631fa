import Link from "next/link";
import type * as React from "react";

import { PageResultProvider } from "@/components/forms/page-result";
import { KeelMark } from "@/components/shell/keel-logo";
import { MobileNav } from "@/components/shell/mobile-nav";
import { type OrgOption, OrgSwitcher } from "@/components/shell/org-switcher";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { UserMenu } from "@/components/shell/user-menu";
import { HealthIconSprite } from "@/components/ui/badge";
import { SpriteIconSymbols } from "@/components/ui/sprite-icon";

export type AppShellProps = {
  org: OrgOption;
  orgs: OrgOption[];
  user: { name: string; email: string };
  /** Extra top-bar controls before the user menu (e.g. the notification bell). */
  topBarActions?: React.ReactNode;
  children: React.ReactNode;
};

/** Signed-in frame: fixed dark sidebar (a drawer below lg), sticky top bar, scrolling page content. */
export function AppShell({ org, orgs, user, topBarActions, children }: AppShellProps) {
  return (
    <div className="min-h-screen">
      {/* The health badges' icons and the rows' repeated icons, once per page (components/ui/badge.tsx, sprite-icon.tsx). */}
      <HealthIconSprite />
      <SpriteIconSymbols />
      <a
        href="#main"
        className="sr-only z-[60] rounded-md bg-background px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 z-40 hidden w-60 flex-col lg:flex bg-sidebar text-sidebar-foreground">
        <div className="flex h-14 shrink-0 items-center gap-2.5 border-b border-sidebar-border px-5">
          <Link
            href={`/${org.slug}/dashboard`}
            className="flex items-center gap-2.5 rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            <KeelMark className="size-7" />
            <span className="text-lg font-semibold tracking-tight text-white">Keel</span>
          </Link>
        </div>
        <SidebarNav orgSlug={org.slug} />
      </aside>
      <div className="lg:pl-60">
        <header className="sticky top-0 z-30 flex min-h-14 flex-wrap items-center justify-between gap-x-2 gap-y-1 border-b border-border bg-background/90 px-4 py-2 backdrop-blur supports-[backdrop-filter]:bg-background/75 md:gap-x-4 md:px-6">
          <div className="flex min-w-0 items-center gap-1">
            <MobileNav orgSlug={org.slug} />
            <OrgSwitcher current={org} orgs={orgs} />
          </div>
          <div className="ml-auto flex shrink-0 items-center gap-2">
            {topBarActions}
            <UserMenu name={user.name} email={user.email} roleLabel={org.roleLabel} accountHref={`/${org.slug}/account`} />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1440px] min-w-0 px-4 py-6 outline-none md:px-6 xl:px-8">
          <PageResultProvider>{children}</PageResultProvider>
        </main>
      </div>
    </div>
  );
}
