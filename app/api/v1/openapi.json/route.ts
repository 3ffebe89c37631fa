import { openApiDocument } from "@/lib/api/openapi";

// The API's description is public, like any published API reference: it names no org's data.
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
