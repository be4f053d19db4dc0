// Signs in to the API the way the web app does: the anonymous CSRF cookie from /api/auth/config,
// then POST /api/auth/login echoing it. Returns the headers every later call sends.
const cookiesOf = (response) =>
  Object.fromEntries(
    response.headers.getSetCookie().map((cookie) => cookie.split(';')[0].split('=')),
  );

/** `municipality`: the slug signed in to, needed once the registry has several. */
export async function signIn(baseUrl, username, password, municipality) {
  const config = await fetch(`${baseUrl}/api/auth/config`);
  const anonymous = cookiesOf(config)['XSRF-TOKEN'];
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `XSRF-TOKEN=${anonymous}`,
      'x-xsrf-token': anonymous,
    },
    body: JSON.stringify({ username, password, ...(municipality ? { municipality } : {}) }),
  });
  if (!login.ok)
    throw new Error(`sign-in as ${username} failed: ${login.status} ${await login.text()}`);
  const cookies = cookiesOf(login);
  return {
    cookie: `lr_session=${cookies.lr_session}; XSRF-TOKEN=${cookies['XSRF-TOKEN']}`,
    'x-xsrf-token': cookies['XSRF-TOKEN'],
  };
}
