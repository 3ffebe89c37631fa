import { readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import path from "node:path";

// A running server's memory as the bench reads it from outside: the pid that really serves a
// port, its RSS, and V8's heap from a Node diagnostic report.

export type MemoryReading = {
  rssMb: number;
  /** V8's heap from a diagnostic report (`--report-on-signal`): null if none came. */
  heapUsedMb: number | null;
  heapTotalMb: number | null;
  /** V8 contexts no longer referenced but not yet collected: a retained request context shows here. */
  detachedContexts: number | null;
};
const MB = 1024 * 1024;
const r1 = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pid holding the listening socket on `port`: `root` or one of its descendants. */
export function listeningPid(port: number, root: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const col = line.trim().split(/\s+/);
      if (col.length > 9 && col[1].endsWith(`:${hex}`) && col[3] === "0A") inodes.add(col[9]);
    }
  }
  const children = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return pid;
      }
    } catch {
      /* not ours to read, or gone */
    }
    queue.push(...(children.get(pid) ?? []));
  }
  throw new Error(`no process under pid ${root} listens on port ${port}`);
}

function rssMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return r1(Number(kb) / 1024);
}

type Report = { header: { processId: number }; javascriptHeap: { usedMemory: number; totalMemory: number; detachedContextCount?: number } };

/**
 * Readings of the server: RSS from /proc, V8's heap from the diagnostic report SIGUSR2 asks for.
 * The report goes to a private directory (on stdout the server's log lines could land inside it)
 * and is deleted as soon as it is read: it also lists the server's environment.
 */
export function memoryReader(dir: string) {
  return async (pid: number): Promise<MemoryReading> => {
    const rss = rssMb(pid);
    process.kill(pid, "SIGUSR2");
    let report: Report | null = null;
    for (const deadline = Date.now() + 10_000; !report && Date.now() < deadline; await sleep(200)) {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        try {
          report = JSON.parse(readFileSync(file, "utf8")) as Report;
          rmSync(file);
        } catch {
          /* still being written */
        }
      }
    }
    const heap = report?.header.processId === pid ? report.javascriptHeap : undefined;
    return {
      rssMb: rss,
      heapUsedMb: heap ? r1(heap.usedMemory / MB) : null,
      heapTotalMb: heap ? r1(heap.totalMemory / MB) : null,
      detachedContexts: heap?.detachedContextCount ?? null,
    };
  };
}
