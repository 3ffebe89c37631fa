import type { Metadata } from "next";
import Link from "next/link";
import type * as React from "react";
import { notFound } from "next/navigation";

import { CreateWebhookForm, EditWebhookForm, RedeliverButton, WebhookRowActions, WebhookTargetsForm } from "@/components/settings/webhooks";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireMember } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { getWebhookOverview, listWebhookDeliveries } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhooks" };

const STATE_BADGE = { PENDING: "secondary", QUEUED: "warning", SUCCEEDED: "success", FAILED: "danger" } as const;
const when = (iso: string | null) => (iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "—");

/** A list section of the page: its empty state, or a table of its rows under these column heads. */
function ListTable({
  count,
  empty,
  heads,
  children,
}: {
  count: number;
  empty: { title: string; description: string };
  heads: string[];
  children: React.ReactNode;
}) {
  if (count === 0) return <EmptyState title={empty.title} description={empty.description} />;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          {heads.map((h) => (
            <TableHead key={h}>{h}</TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
}

export default async function WebhooksPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember((await params).org);
  // Admins only; everyone else gets the same 404 as a page that does not exist.
  if (!can(member.role, "webhooks:manage")) notFound();
  const sp = await searchParams;
  const picked = typeof sp.endpoint === "string" ? sp.endpoint : null;
  const { allowPrivate, endpoints } = await getWebhookOverview(member.org.id);
  const selected = endpoints.find((e) => e.id === picked) ?? null;
  const deliveries = selected ? await listWebhookDeliveries(member.org.id, selected.id) : [];
  const org = member.org.slug;
  const base = `/${org}/settings/webhooks`;

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Keel signs and sends events to your endpoints as they happen: updates posted, health changes, positions filled, imports, members joining and leaving."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Endpoints</CardTitle>
            <CardDescription>Each delivery is signed (Standard Webhooks) and retried with backoff; see docs/api.md.</CardDescription>
          </CardHeader>
          <CardContent>
            <ListTable
              count={endpoints.length}
              empty={{ title: "No endpoints yet", description: "Add one below to start receiving events." }}
              heads={["Endpoint", "Events", "Status", "Actions"]}
            >
              {endpoints.map((e) => (
                <TableRow key={e.id}>
                  <TableCell className="max-w-80 break-all">
                    <Link href={`${base}?endpoint=${e.id}`} className="font-medium underline-offset-2 hover:underline">
                      {e.url}
                    </Link>
                    {e.description ? <p className="text-xs text-muted-foreground">{e.description}</p> : null}
                  </TableCell>
                  <TableCell className="text-xs">{e.events.join(", ")}</TableCell>
                  <TableCell>
                    {e.enabled ? (
                      <Badge variant="success">Enabled</Badge>
                    ) : (
                      <>
                        <Badge variant="danger">Disabled</Badge>
                        {e.disabledReason ? <p className="mt-1 text-xs text-muted-foreground">{e.disabledReason}</p> : null}
                      </>
                    )}
                    {e.consecutiveFailures > 0 ? (
                      <p className="mt-1 text-xs text-muted-foreground">{e.consecutiveFailures} failed deliveries in a row</p>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <WebhookRowActions org={org} endpoint={{ id: e.id, version: e.version, enabled: e.enabled }} />
                  </TableCell>
                </TableRow>
              ))}
            </ListTable>
          </CardContent>
        </Card>

        {selected ? (
          <Card id="deliveries">
            <CardHeader>
              <CardTitle>{selected.url}</CardTitle>
              <CardDescription>
                Edit the events it receives; below, its latest deliveries with each attempt&apos;s response.
              </CardDescription>
            </CardHeader>
            <CardContent className="space-y-6">
              <EditWebhookForm key={`${selected.id}-${selected.version}`} org={org} endpoint={selected} />
              <ListTable
                count={deliveries.length}
                empty={{ title: "No deliveries yet", description: "Send a test event to try the endpoint." }}
                heads={["Created", "Event", "State", "Attempts (response, duration)", "Actions"]}
              >
                {deliveries.map((d) => (
                  <TableRow key={d.id}>
                    <TableCell className="whitespace-nowrap text-xs">{when(d.createdAt)}</TableCell>
                    <TableCell className="text-xs">
                      <code>{d.eventType}</code>
                      <p className="text-muted-foreground">
                        {d.eventId}
                        {d.redelivery ? " (redelivery)" : ""}
                      </p>
                    </TableCell>
                    <TableCell>
                      <Badge variant={STATE_BADGE[d.state as keyof typeof STATE_BADGE] ?? "secondary"}>{d.state.toLowerCase()}</Badge>
                    </TableCell>
                    <TableCell className="text-xs">
                      {d.log.length === 0 ? (
                        (d.error ?? "not attempted yet")
                      ) : (
                        <ol className="space-y-0.5">
                          {d.log.map((a) => (
                            <li key={a.attempt}>
                              #{a.attempt} {a.responseStatus ?? "no response"} · {a.durationMs} ms{a.error ? ` · ${a.error}` : ""}
                            </li>
                          ))}
                        </ol>
                      )}
                    </TableCell>
                    <TableCell>
                      <RedeliverButton org={org} deliveryId={d.id} />
                    </TableCell>
                  </TableRow>
                ))}
              </ListTable>
            </CardContent>
          </Card>
        ) : null}

        <Card>
          <CardHeader>
            <CardTitle>Add an endpoint</CardTitle>
            <CardDescription>An https:// address that answers 2xx within 10 seconds.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateWebhookForm org={org} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Targets</CardTitle>
          </CardHeader>
          <CardContent>
            <WebhookTargetsForm org={org} allowPrivate={allowPrivate} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
