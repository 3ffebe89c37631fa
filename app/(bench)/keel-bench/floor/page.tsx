import { connection } from "next/server";
import { notFound } from "next/navigation";

import { benchFloorRead } from "@/lib/bench-floor";
import { readEnv } from "@/lib/env";

// The true framework floor for `npm run bench` (issue 23): a bare dynamic Next.js page under the
// root layout — not seen by proxy.ts (its matcher leaves this path out), no session, no
// membership, one trivial statement. Keel's own floor (/[org]/me) is compared with it. Served
// only when the server runs with KEEL_BENCH_FLOOR=1, which only the bench sets; 404 otherwise.

export const metadata = { title: "Bench floor" };

export default async function BenchFloorPage() {
  await connection();
  if (!readEnv().KEEL_BENCH_FLOOR) notFound();
  const one = await benchFloorRead();
  return <p className="p-6">Bench floor: {one}</p>;
}
