// A real OpenID Connect provider (the `oidc-provider` package) for the end-to-end tests, started by
// playwright.config.ts before Waymark. Its sign-in page asks for an email and whether the provider
// has verified it, so each test chooses the claims Waymark receives.
//
// Plain http is enough: Auth.js allows an http issuer (it talks to the provider server to server),
// and the browser only follows redirects.
import crypto from "node:crypto";
import http from "node:http";
import { Provider } from "oidc-provider";

const settings = {
  issuer: process.env.OIDC_ISSUER,
  clientId: process.env.OIDC_CLIENT_ID,
  clientSecret: process.env.OIDC_CLIENT_SECRET,
  redirectUri: process.env.OIDC_REDIRECT_URI,
  name: process.env.OIDC_NAME ?? "Example SSO",
};
for (const [key, value] of Object.entries(settings)) {
  if (!value) {
    console.error(`oidc-provider: ${key} is not set.`);
    process.exit(1);
  }
}
const { port } = new URL(settings.issuer);

// An account id carries its claims: "verified:<email>" or "unverified:<email>".
const accountId = (email, verified) => `${verified ? "verified" : "unverified"}:${email}`;
function claimsOf(id) {
  const [state, ...rest] = id.split(":");
  const email = rest.join(":");
  return { sub: id, email, email_verified: state === "verified", name: email.split("@")[0] };
}

const signingKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

const provider = new Provider(settings.issuer, {
  clients: [
    {
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      redirect_uris: [settings.redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  jwks: { keys: [{ ...signingKey, kid: "e2e", use: "sig", alg: "RS256" }] },
  cookies: { keys: [crypto.randomBytes(32).toString("base64url")] },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Put the email claims in the ID token, as Keycloak, Okta and Google do: Auth.js reads them there.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    return { accountId: id, claims: async () => claimsOf(id) };
  },
});

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in to ${escape(settings.name)}</title></head>
<body>
<main>
<h1>Sign in to ${escape(settings.name)}</h1>
<form method="post" action="/interaction/${escape(uid)}">
<p><label for="email">Email</label> <input id="email" name="email" type="email" required></p>
<p><input id="verified" name="verified" type="checkbox" value="yes" checked> <label for="verified">Email verified</label></p>
<p><button type="submit">Sign in</button></p>
</form>
</main>
</body>
</html>`;
}

async function readForm(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/** The sign-in page, and its answer: signs the chosen account in and grants what the client asked for. */
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "GET" && details.prompt.name === "login") {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(loginPage(details.uid));
    return;
  }
  let account = details.session?.accountId;
  if (req.method === "POST") {
    const form = await readForm(req);
    account = accountId(String(form.get("email") ?? "").trim(), form.get("verified") === "yes");
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: account, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope ?? "openid"));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId: account }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

const handle = provider.callback();
const server = http.createServer((req, res) => {
  if (req.url?.startsWith("/interaction/")) {
    interaction(req, res).catch((err) => {
      console.error(err);
      res.writeHead(400, { "Content-Type": "text/plain" });
      res.end(`The sign-in could not go on: ${err.message}`);
    });
    return;
  }
  handle(req, res);
});
server.listen(Number(port), "127.0.0.1", () => console.log(`oidc-provider: ${settings.issuer} is ready.`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
