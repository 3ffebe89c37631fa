import { createHash, randomUUID } from "node:crypto";

import { problem } from "@/lib/api/problem";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Idempotency-Key for creates (docs/api.md): the first request with a key runs and its response
// is stored in PostgreSQL; a retry with the same key and body gets the stored response again
// (header Idempotent-Replayed: true) and writes nothing. The key is claimed before the work
// runs, so two concurrent retries cannot both create: the second is told to retry (409).
// A 5xx is not stored, so the client may retry it.

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export async function idempotent(request: Request, tokenId: string, body: unknown, run: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return run();
  if (!KEY_SHAPE.test(key)) {
    return problem(400, "Idempotency-Key must be 1–255 visible ASCII characters.", {
      fieldErrors: { "Idempotency-Key": ["Use a random string such as a UUID."] },
    });
  }
  const requestHash = createHash("sha256")
    .update(`${request.method} ${new URL(request.url).pathname}\n${JSON.stringify(body)}`)
    .digest("hex");
  const claimed = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "ApiIdempotencyKey" ("id", "tokenId", "key", "requestHash") VALUES (${randomUUID()}, ${tokenId}, ${key}, ${requestHash})
    ON CONFLICT ("tokenId", "key") DO NOTHING RETURNING "id"`;
  if (claimed.length === 0) {
    const previous = await db.apiIdempotencyKey.findUnique({
      where: { tokenId_key: { tokenId, key } },
      select: { requestHash: true, status: true, body: true },
    });
    if (!previous) return problem(409, "That Idempotency-Key was just released: retry the request.");
    if (previous.requestHash !== requestHash) {
      return problem(422, "This Idempotency-Key was used with a different request.", {
        fieldErrors: { "Idempotency-Key": ["Use a new key for a new request."] },
      });
    }
    if (previous.status === null) return problem(409, "A request with this Idempotency-Key is still running: retry shortly.");
    return new Response(JSON.stringify(previous.body), {
      status: previous.status,
      headers: {
        "content-type": previous.status >= 400 ? "application/problem+json" : "application/json",
        "idempotent-replayed": "true",
        "cache-control": "no-store",
      },
    });
  }
  const id = claimed[0].id;
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await db.apiIdempotencyKey.delete({ where: { id } });
    throw error;
  }
  if (response.status >= 500) {
    await db.apiIdempotencyKey.delete({ where: { id } });
    return response;
  }
  const stored = (await response.clone().json()) as Prisma.InputJsonValue;
  await db.apiIdempotencyKey.update({ where: { id }, data: { status: response.status, body: stored } });
  return response;
}
