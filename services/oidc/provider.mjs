// A real OpenID provider for the tests: the certified `oidc-provider` package, on loopback.
//
//   node services/oidc/provider.mjs --port 0 --users users.json --client-id hub \
//        --client-secret s --redirect-uri http://127.0.0.1:8000/oidc/callback/
//
// Prints one line `OIDC_PROVIDER_READY <issuer>` when it listens. The users file is read again
// at every sign-in, so a test changes a user's groups by rewriting it:
//   {"anna": {"email": "anna@example.org", "name": "Anna", "groups": ["gg-webredactie"]}}
// The sign-in form is the package's own development form: any known login, any password.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    users: { type: 'string' },
    'client-id': { type: 'string', default: 'hub' },
    'client-secret': { type: 'string', default: 'hub-test-secret' },
    'redirect-uri': { type: 'string', multiple: true, default: [] },
    'logout-uri': { type: 'string', multiple: true, default: [] },
  },
});

function users() {
  return args.users ? JSON.parse(readFileSync(args.users, 'utf8')) : {};
}

const configuration = {
  clients: [{
    client_id: args['client-id'],
    client_secret: args['client-secret'],
    redirect_uris: args['redirect-uri'],
    post_logout_redirect_uris: args['logout-uri'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], email: ['email'], profile: ['name'], groups: ['groups'] },
  scopes: ['openid', 'email', 'profile', 'groups'],
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => false },
  // The hub is a first-party client: no consent screen, the grant is given at once.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile groups');
    grant.addOIDCClaims(['email', 'name', 'groups']);
    await grant.save();
    return grant;
  },
  async findAccount(ctx, id) {
    const user = users()[id];
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: user.email, name: user.name, groups: user.groups || [] };
      },
    };
  },
  cookies: { keys: ['hub-test-provider-cookie-key'] },
  ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
};

const server = (await import('node:http')).createServer();
server.listen(Number(args.port), '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (ctx, error) => console.error('server_error', error));
  server.on('request', provider.callback());
  console.log(`OIDC_PROVIDER_READY ${issuer}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
