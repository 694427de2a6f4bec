package io.casegrid.security;

/**
 * Who is acting on this request. The one place the service learns the acting user: never from request bodies or
 * paths. Until sign-in through Keycloak arrives, the API is open and every caller acts as {@link Actor#API_CLIENT}.
 */
public interface CurrentActor {

	Actor get();

}
