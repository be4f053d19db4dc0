// A small real OpenID Connect provider for the API tests (npm package oidc-provider), run as a
// child process because it is an ES module. Its dev interactions sign in any login name, which
// becomes the `sub` and `email` claims. Usage: node oidc-provider.mjs <port> <redirect_uri>
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: 'licensregistret',
      client_secret: 'test-client-secret',
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  findAccount: async (_context, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: id, email_verified: true }),
  }),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['test-cookie-key'] },
});
provider.proxy = false;

const server = provider.listen(Number(port), '127.0.0.1', () => {
  console.log('ready');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
