// Sign-in with the realm's public client (authorization code + PKCE). The tokens stay in this tab's sessionStorage;
// every API call carries the access token, so the API's own rules decide what the person sees.
const STORE = 'casegrid.console.tokens';
const PENDING = 'casegrid.console.pending';
let config;
let tokens;

const redirectUri = () => location.origin + '/console/';

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function tokenRequest(form) {
  // relayed by the service (same origin), so Keycloak needs no CORS set-up for the console
  const response = await fetch('/console/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  if (!response.ok) {
    throw new Error('登录失败 (' + response.status + ')');
  }
  const body = await response.json();
  tokens = { ...body, expiresAt: Date.now() + body.expires_in * 1000 };
  sessionStorage.setItem(STORE, JSON.stringify(tokens));
}

async function redirectToLogin() {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({
    client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(),
    state, code_challenge: challenge, code_challenge_method: 'S256', ui_locales: 'zh-CN',
  });
  location.assign(config.issuer + '/protocol/openid-connect/auth?' + query);
  return new Promise(() => {});
}

/** Signs in (or finishes signing in after Keycloak's redirect); resolves once there is a token. */
export async function signIn(consoleConfig) {
  config = consoleConfig;
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  if (params.has('code') && pending && params.get('state') === pending.state) {
    sessionStorage.removeItem(PENDING);
    await tokenRequest({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      code_verifier: pending.verifier });
    history.replaceState(null, '', '/console/' + (pending.hash || ''));
  }
  tokens = JSON.parse(sessionStorage.getItem(STORE) || 'null');
  if (!tokens) {
    await redirectToLogin();
  }
}

/** A fresh access token: refreshed shortly before it expires; a lapsed session signs in again. */
export async function accessToken() {
  if (tokens.expiresAt - Date.now() < 30000) {
    try {
      await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    } catch (e) {
      sessionStorage.removeItem(STORE);
      await redirectToLogin();
    }
  }
  return tokens.access_token;
}

/** Who is signed in, read from the token (for the header only: the API decides what they may do). */
export function person() {
  const payload = tokens.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(decodeURIComponent(escape(atob(payload))));
  // a Chinese name reads family name first: 王芳, not Keycloak's "芳 王"
  const name = claims.family_name && claims.given_name ? claims.family_name + claims.given_name : claims.name;
  // realm roles and the API client's roles, as the API reads them (to show a page's link only to those it serves)
  const roles = [...((claims.realm_access || {}).roles || []),
    ...Object.values(claims.resource_access || {}).flatMap(access => access.roles || [])];
  return { username: claims.preferred_username, name: name || claims.preferred_username, orgCodes: claims.org_codes || [], roles };
}

export function signOut() {
  const idToken = tokens && tokens.id_token;
  sessionStorage.removeItem(STORE);
  const query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) {
    query.set('id_token_hint', idToken);
  }
  location.assign(config.issuer + '/protocol/openid-connect/logout?' + query);
}
