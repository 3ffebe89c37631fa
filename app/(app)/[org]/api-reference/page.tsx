import type { Metadata } from "next";

import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { API_OPERATIONS } from "@/lib/api/openapi";
import { requireMember } from "@/lib/auth";

export const metadata: Metadata = { title: "API reference" };

const paramNames = (op: (typeof API_OPERATIONS)[number]) => (op.query ? Object.keys(op.query.shape) : []);
const bodyFields = (op: (typeof API_OPERATIONS)[number]) => {
  const shape = (op.body as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
};

// The REST API's operations, rendered from the same table that generates /api/v1/openapi.json.
export default async function ApiReferencePage({ params }: { params: Promise<{ org: string }> }) {
  await requireMember((await params).org);
  return (
    <>
      <PageHeader
        title="API reference"
        description="Every operation of the REST API v1. The machine-readable description is /api/v1/openapi.json (OpenAPI 3.1)."
      />
      <div className="space-y-4">
        {API_OPERATIONS.map((op) => (
          <Card key={`${op.method} ${op.path}`}>
            <CardHeader>
              <CardTitle className="font-mono text-sm break-all">
                {op.method.toUpperCase()} /api/v1{op.path}
              </CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-muted-foreground">What</dt>
                <dd>{op.summary}</dd>
                <dt className="text-muted-foreground">Scope</dt>
                <dd>{op.scope ? <code>{op.scope}</code> : "none"}</dd>
                {paramNames(op).length ? (
                  <>
                    <dt className="text-muted-foreground">Query</dt>
                    <dd className="break-words">{paramNames(op).join(", ")}</dd>
                  </>
                ) : null}
                {bodyFields(op).length ? (
                  <>
                    <dt className="text-muted-foreground">JSON body</dt>
                    <dd className="break-words">{bodyFields(op).join(", ")}</dd>
                  </>
                ) : null}
                {op.headers?.length ? (
                  <>
                    <dt className="text-muted-foreground">Headers</dt>
                    <dd>{op.headers.join(", ")}</dd>
                  </>
                ) : null}
              </dl>
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
