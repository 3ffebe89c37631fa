// Child process of the bench's "views after a write" (index.ts viewsAfterWrites): makes one write
// through the app's actions each time the parent asks ({ kind, i } over IPC) and answers
// { ok: true } once it has committed, or { ok: false, error }. Runs on the copy of the database the
// measured server reads. Needs `--conditions=react-server` (the actions).
import { db } from "@/lib/db";

import { benchWriters, type WriteKind } from "./writers";

const w = await benchWriters(64);
process.on("message", (m: { kind: WriteKind; i: number } | "exit") => {
  if (m === "exit") {
    void db.$disconnect().then(() => process.exit(0));
    return;
  }
  w[m.kind](m.i).then(
    () => process.send!({ ok: true }),
    (e: Error) => process.send!({ ok: false, error: e.message }),
  );
});
process.send!({ ready: true });
