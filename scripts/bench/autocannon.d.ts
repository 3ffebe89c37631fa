// Minimal types for the parts of autocannon (a devDependency without bundled types) the bench uses.
declare module "autocannon" {
  type Options = { url: string; headers?: Record<string, string>; connections?: number; amount?: number; timeout?: number };
  type Result = { errors: number; timeouts: number; non2xx: number; requests: { average: number } };
  type Instance = Promise<Result> & {
    on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  };
  function autocannon(opts: Options): Instance;
  export default autocannon;
}
