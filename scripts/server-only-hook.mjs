// A module resolution hook for the web server process (scripts/server.ts): "server-only" throws
// unless resolved under the react-server condition, which Next's own bundles are; lib code the
// server script itself imports (the scheduled reorgs) runs on the server too, so it resolves
// to an empty module here.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return nextResolve(specifier, context);
}
