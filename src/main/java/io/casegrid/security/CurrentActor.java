package io.casegrid.security;

/**
 * Who is acting on this request: the subject of the request's access token. The one place the service learns the
 * acting user — never from request bodies or paths.
 */
public interface CurrentActor {

	Actor get();

}
