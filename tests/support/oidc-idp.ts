import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";

// @ts-expect-error oidc-provider 9 ships no type declarations; the test uses a few of its calls.
import Provider from "oidc-provider";

// A real OpenID provider for the SSO tests (oidc-provider, a certified implementation), started
// by the test on a port of its own. Its end-user interaction is a test-only handler that signs in
// whichever account the test chose (`idp.account`) and grants what was asked, with no pages:
// the dev interactions stay disabled, as in anything shipped.

type TestAccount = { sub: string; email?: string; email_verified?: boolean | string; name?: string; groups?: string[] };

export type TestIdp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The account the next interaction signs in. */
  account: TestAccount;
  /** Runs after the token endpoint answered (the expired-token test moves the clock there). */
  afterToken: (() => void) | null;
  close: () => Promise<void>;
};

type Ctx = { path: string; body: unknown };
type Details = {
  prompt: { name: string };
  params: { client_id: string; scope: string };
  session?: { accountId: string };
  grantId?: string;
};

/**
 * `tokenIssuer`: a misbehaving provider whose discovery document names the address it listens on
 * while its tokens carry this other issuer (the "wrong issuer" case of the id token checks).
 */
export async function startTestIdp(opts: { port: number; redirectUris: string[]; tokenIssuer?: string }): Promise<TestIdp> {
  const host = "127.0.0.1";
  const issuer = `http://${host}:${opts.port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };
  const idp: TestIdp = {
    issuer,
    clientId: "keel-test",
    clientSecret: "keel-test-secret-0123456789",
    account: { sub: "nobody" },
    afterToken: null,
    close: async () => {},
  };
  const provider = new Provider(opts.tokenIssuer ?? issuer, {
    clients: [
      {
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ["authorization_code", "client_credentials"],
        response_types: ["code"],
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const { sub: _sub, ...claims } = idp.account;
      return { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    // Scope claims in the id token itself, as Okta, Entra ID and Keycloak can be set to do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, clientCredentials: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    jwks: { keys: [jwk] },
    cookies: { keys: ["keel-test-idp-cookie-key"] },
  });
  provider.use(async (ctx: Ctx, next: () => Promise<void>) => {
    await next();
    if (ctx.path === "/token") idp.afterToken?.();
    if (opts.tokenIssuer && ctx.path === "/.well-known/openid-configuration") {
      // Every endpoint at the address it listens on; only the tokens' iss differs.
      ctx.body = JSON.parse(JSON.stringify(ctx.body).replaceAll(opts.tokenIssuer, issuer));
    }
  });
  const callback = provider.callback();
  const server: Server = createServer((req, res) => {
    if (!req.url?.startsWith("/interaction/")) return void callback(req, res);
    void (async () => {
      const details = (await provider.interactionDetails(req, res)) as Details;
      if (details.prompt.name === "login") {
        await provider.interactionFinished(req, res, { login: { accountId: idp.account.sub } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session?.accountId, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port, host, resolve));
  idp.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return idp;
}

/**
 * A browser's part of the round trip, for integration tests: follows redirects from the
 * provider's authorization URL through the interaction (keeping the provider's cookies) until
 * the provider sends the browser to `redirectUri`; returns that URL (with code and state).
 */
export async function followToRedirect(authorizationUrl: string, redirectUri: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(redirectUri)) return url;
    const response = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const location = response.headers.get("location");
    if (!location) throw new Error(`The provider answered ${response.status} without a redirect at ${url}: ${await response.text()}`);
    url = new URL(location, url).toString();
  }
  throw new Error("Too many redirects");
}
