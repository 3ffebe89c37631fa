import { AsyncLocalStorage } from "node:async_hooks";

// The SQL statements a unit of work sends to PostgreSQL, counted in-process at the driver
// adapter (every statement Prisma sends goes through the adapter's queryRaw/executeRaw, and
// BEGIN through startTransaction; COMMIT and ROLLBACK are sent by Prisma as statements too).
// The count goes to the unit of work the caller is in, an AsyncLocalStorage store: one per
// request in scripts/server.ts (its request log line carries `statements`), or the one opened by
// countStatements() in tests and scripts. Outside any such unit nothing is counted.
//
// Only a number ever leaves this module, and only into the server's own log: nothing of it is
// sent to a client, so it is the same in development and production. The bench reads it from
// the log of a server it starts (scripts/bench/statements.ts); an N+1 shows as a count that grows
// with the data.

type Counter = { statements: number };

// On globalThis: scripts/server.ts (loaded by tsx) and Next's server bundles each have their own
// copy of this module, and both must see the same store.
const g = globalThis as unknown as { keelStatementCounter?: AsyncLocalStorage<Counter> };
const counter: AsyncLocalStorage<Counter> = (g.keelStatementCounter ??= new AsyncLocalStorage<Counter>());

function note(n: number) {
  const c = counter.getStore();
  if (c) c.statements += n;
}

/** Runs `fn` as a unit of work of its own; `counted.statements` grows as it sends statements. */
export function withStatementCounter<T>(fn: () => T): { counted: Counter; result: T } {
  const counted: Counter = { statements: 0 };
  return { counted, result: counter.run(counted, fn) };
}

/** The statements `fn` sends, with its result. Concurrent work of `fn` is counted too. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  // Awaited inside the unit: a Prisma query is lazy and only starts when awaited.
  const { counted, result } = withStatementCounter(async () => await fn());
  const value = await result;
  return { result: value, statements: counted.statements };
}

// The adapter's shape as far as counting needs it (structurally the driver-adapter-utils types).
type Queryable = { queryRaw(q: unknown): Promise<unknown>; executeRaw(q: unknown): Promise<number> };
type Adapter = Queryable & { startTransaction(isolationLevel?: string): Promise<Queryable> };
type AdapterFactory = { connect(): Promise<Adapter> };

function countQueries<Q extends Queryable>(q: Q): Q {
  const queryRaw = q.queryRaw.bind(q);
  const executeRaw = q.executeRaw.bind(q);
  q.queryRaw = (query) => (note(1), queryRaw(query));
  q.executeRaw = (query) => (note(1), executeRaw(query));
  return q;
}

/** The same driver adapter factory, whose adapters count every statement they send. */
export function countingAdapter<F extends AdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = countQueries(await connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      // BEGIN, and SET TRANSACTION with an isolation level, are sent by the adapter itself.
      note(isolationLevel ? 2 : 1);
      return countQueries(await startTransaction(isolationLevel));
    };
    return adapter;
  };
  return factory;
}
