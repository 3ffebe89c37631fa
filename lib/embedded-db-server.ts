import net from "node:net";

import type { PGlite } from "@electric-sql/pglite";

// The loopback server in front of the embedded PGlite (lib/embedded-db.ts), in place of
// pglite-socket's PGLiteSocketServer.
//
// PGlite has ONE backend session, which every client connection shares: the app's pool, pg-boss's
// pool, the outbox relays. PGLiteSocketServer (0.2.17; 0.2.18 is the same) queues single protocol
// messages from all connections and keeps to one connection only while an SQL transaction is open.
// But between the messages of an extended-protocol query (Parse, Bind, Describe, Execute, Sync)
// the unnamed statement and portal live in that session, outside any transaction: another
// connection's Parse landing between a Parse and its Bind replaces the statement ("bind message
// supplies 3 parameters, but prepared statement "" requires 4", "unnamed prepared statement does
// not exist"). And an exception in its queue stops the queue for good, so every connection then
// waits forever (electric-sql/pglite#1046). No release fixes either (a fix, pglite#977, is not
// merged), and the scheduling below is small enough to own rather than patch into a dependency.
//
// So here a connection holds the backend from its first message until the backend is idle again:
// its output ends in ReadyForQuery 'I', after a Sync, a simple Query or a function call. Never in
// the middle of an extended-protocol sequence, nor of a transaction ('T', or 'E' until the
// ROLLBACK). The other connections' messages wait meanwhile, as they would wait for a lock on a
// real server, and are served in turn after it. An idle connection holds nothing, so pooled
// connections left idle (the app's one, pg-boss's two) never block the others. A connection that
// goes away while it holds the backend has its sequence ended (Sync) and its transaction rolled
// back first.
//
// COPY FROM STDIN never reaches PGlite: 0.5.14 answers CopyInResponse, then fails for good
// ("protocol synchronization was lost") and stops the whole Node process. A Query or Parse with
// one becomes a statement that raises 0A000 instead, so the backend itself answers the error,
// aborts a transaction and skips to Sync as PostgreSQL would; no connection can leave the backend
// in copy-in mode. The check is textual (literals and comments aside). COPY TO STDOUT works.
//
// What stays shared, as with any single session: SET, named prepared statements, temporary tables
// and LISTEN. And a transaction that waits for a statement on another connection waits for good
// (until that connection's timeout): what a transaction needs runs on its own connection.

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** Frontend messages inside an extended-protocol sequence (Parse, Bind, Describe, Execute, Close, Flush, CopyData). */
const IN_SEQUENCE = new Set("PBDECHd");
const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4);
const ROLLBACK = wireMessage("Q", "ROLLBACK\0");

function wireMessage(type: string, body: string): Uint8Array {
  const bytes = Buffer.alloc(5 + Buffer.byteLength(body));
  bytes.write(type, 0);
  bytes.writeInt32BE(bytes.length - 1, 1);
  bytes.write(body, 5);
  return bytes;
}

const COPY_IN_REFUSED =
  "DO $$BEGIN RAISE EXCEPTION USING ERRCODE = '0A000', MESSAGE = 'COPY FROM STDIN is not supported by the embedded database; use INSERT or a real PostgreSQL'; END$$";
/** String literals, quoted names, comments and dollar-quoted bodies: what may mention COPY without being one. */
const SQL_NOISE =
  /(?<![\w$])[eE]'(?:[^'\\]|\\[\s\S]|'')*'|'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|(\$(?:[A-Za-z_]\w*)?\$)[\s\S]*?\1/g;
const COPY_IN = /\bcopy\b[^;]*\bfrom\s+stdin\b/i;

/** A Query or Parse whose SQL holds a COPY FROM STDIN, made into one that raises 0A000 (see the header); other messages as they are. */
function refuseCopyIn(message: Uint8Array): Uint8Array {
  const type = String.fromCharCode(message[0]);
  if (type !== "Q" && type !== "P") return message;
  const body = Buffer.from(message.buffer, message.byteOffset + 5, message.length - 5);
  const start = type === "P" ? body.indexOf(0) + 1 : 0;
  const sql = body.toString("utf8", start, body.indexOf(0, start));
  if (!/copy/i.test(sql) || !COPY_IN.test(sql.replace(SQL_NOISE, " "))) return message;
  // Parse: the client's statement name, no parameter types.
  return type === "Q"
    ? wireMessage("Q", `${COPY_IN_REFUSED}\0`)
    : wireMessage("P", `${body.toString("utf8", 0, start)}${COPY_IN_REFUSED}\0\0\0`);
}

function fatal(code: string, message: string): Uint8Array {
  return wireMessage("E", `SFATAL\0VFATAL\0C${code}\0M${message}\0\0`);
}

/** Follows the backend's output across chunks; `status` is ReadyForQuery's ('I', 'T', 'E') when it was the last message. */
class ReadyWatch {
  #header: number[] = [];
  #rest = 0;
  #type = 0;
  #lastByte = 0;

  feed(bytes: Uint8Array) {
    for (let o = 0; o < bytes.length;) {
      if (this.#rest === 0) {
        this.#header.push(bytes[o++]);
        if (this.#header.length < 5) continue;
        const [type, a, b, c, d] = this.#header;
        this.#type = type;
        this.#rest = ((a << 24) | (b << 16) | (c << 8) | d) - 4;
        this.#header = [];
      } else {
        const n = Math.min(this.#rest, bytes.length - o);
        o += n;
        this.#rest -= n;
        this.#lastByte = bytes[o - 1];
      }
    }
  }

  get status(): string | null {
    const whole = this.#header.length === 0 && this.#rest === 0;
    return whole && this.#type === 0x5a ? String.fromCharCode(this.#lastByte) : null;
  }
}

type Conn = {
  socket: net.Socket;
  /** Chunks received that do not make a whole message yet, and their length. */
  input: Buffer[];
  received: number;
  started: boolean;
  /** Whole messages waiting for the backend, in order. */
  pending: Uint8Array[];
  gone: boolean;
};

export type EmbeddedDbServer = { stop: () => Promise<void> };

export async function serveEmbeddedDb(db: PGlite, opts: { host: string; port: number; maxConnections: number }): Promise<EmbeddedDbServer> {
  const conns = new Set<Conn>();
  /** Connections with messages waiting and not holding the backend, first come first served. */
  const waiting: Conn[] = [];
  let holder: Conn | null = null;
  let running: Promise<void> | null = null;
  let stopping = false;

  /** Runs one message on the backend, its output to `conn`; the status of the ReadyForQuery it ended with. */
  const exec = async (message: Uint8Array, conn: Conn | null) => {
    const watch = new ReadyWatch();
    await db.runExclusive(() =>
      db.execProtocolRawStream(message, {
        onRawData: (bytes) => {
          watch.feed(bytes);
          // A copy: PGlite reuses its output buffer, and a socket may hold on to what it is given.
          if (conn && !conn.gone) conn.socket.write(Buffer.from(bytes));
        },
      }),
    );
    return watch.status;
  };

  /** The backend after a holder went away: its sequence ended, its transaction rolled back. */
  const reset = async () => {
    try {
      if ((await exec(SYNC, null)) !== "I") await exec(ROLLBACK, null);
    } catch {
      // PGlite itself failed; the next statement will say so to its client.
    }
  };

  const run = async () => {
    while (!stopping) {
      const conn = holder ?? waiting.shift();
      if (!conn) return;
      if (conn.gone) {
        if (conn === holder) {
          await reset();
          holder = null;
        }
        continue;
      }
      const message = conn.pending.shift();
      if (!message) {
        if (conn === holder) return; // until its client sends the rest
        continue;
      }
      holder = conn;
      let status: string | null = null;
      try {
        status = await exec(message, conn);
      } catch {
        // Not an SQL error (those are answered): PGlite failed on the message. Only this connection ends.
        conn.socket.destroy();
        drop(conn);
        continue;
      }
      if (status === "I" && !IN_SEQUENCE.has(String.fromCharCode(message[0]))) {
        holder = null;
        if (conn.pending.length) waiting.push(conn);
      }
    }
  };

  const schedule = () => {
    if (running || stopping) return;
    running = run().finally(() => {
      running = null;
      // Work that came while run() was returning (a holder waits for its client, the others for it).
      if (holder ? holder.pending.length || holder.gone : waiting.length) schedule();
    });
  };

  const drop = (conn: Conn) => {
    if (conn.gone) return;
    conn.gone = true;
    conn.pending = [];
    conns.delete(conn);
    const i = waiting.indexOf(conn);
    if (i >= 0) waiting.splice(i, 1);
    if (conn === holder) schedule();
  };

  const receive = (conn: Conn, chunk: Buffer) => {
    conn.input.push(chunk);
    conn.received += chunk.length;
    // Joined only once a whole message is there: a large one arrives in many chunks.
    const joined = () => (conn.input = [Buffer.concat(conn.input)])[0];
    while (!conn.gone) {
      // Before startup a message is its length and a code; after it, a type byte and a length.
      const head = conn.started ? 5 : 8;
      if (conn.received < head) return;
      let buf = conn.input[0].length >= head ? conn.input[0] : joined();
      const length = conn.started ? 1 + buf.readInt32BE(1) : buf.readInt32BE(0);
      if (length < head) return void conn.socket.destroy();
      if (conn.received < length) return;
      if (buf.length < length) buf = joined();
      const message = new Uint8Array(buf.subarray(0, length));
      if (buf.length === length) conn.input.shift();
      else conn.input[0] = buf.subarray(length);
      conn.received -= length;
      if (!conn.started) {
        const code = buf.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          conn.socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST) return void conn.socket.end(); // nothing to cancel: one statement at a time
        if (code !== PROTOCOL_3) return void conn.socket.end(fatal("0A000", "unsupported frontend protocol"));
        conn.started = true;
      } else if (message[0] === 0x58) {
        return void conn.socket.end(); // Terminate
      }
      conn.pending.push(refuseCopyIn(message));
      if (conn !== holder && !waiting.includes(conn)) waiting.push(conn);
      schedule();
    }
  };

  const server = net.createServer((socket) => {
    if (stopping) return void socket.destroy();
    if (conns.size >= opts.maxConnections) return void socket.end(fatal("53300", "sorry, too many clients already"));
    const conn: Conn = { socket, input: [], received: 0, started: false, pending: [], gone: false };
    conns.add(conn);
    socket.setNoDelay(true);
    socket.on("data", (chunk) => receive(conn, chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => drop(conn));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    stop: async () => {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const conn of conns) conn.socket.destroy();
      // The message in hand finishes; nothing runs on the backend after it.
      await running;
      await closed;
    },
  };
}
