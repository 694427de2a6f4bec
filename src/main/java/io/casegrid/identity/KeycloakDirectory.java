package io.casegrid.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Looks people and the org tree up in Keycloak's directory (the admin REST API, as the service account of the
 * service's own client, which holds view-users, query-groups and view-realm): who the village mediators of a village
 * are, or the police chief of a township — for task candidates and notifications — and the realm's group tree, to
 * check it against the org tree the service knows.
 */
@Service
public class KeycloakDirectory implements DisposableBean {

	/** The group attribute that carries an org unit's code. */
	public static final String ORG_CODE = "orgCode";

	private static final int PAGE = 500;

	/** Someone in the directory; {@code email} is null when the directory has none. */
	public record Person(String username, String displayName, String email) {
	}

	/** A group of the realm, as a unit of the org tree. */
	public record Group(String orgCode, String parentOrgCode, String name, String path) {
	}

	private final KeycloakEndpoints endpoints;

	private final Keycloak keycloak;

	private final Counter adminCalls;

	KeycloakDirectory(KeycloakEndpoints endpoints, KeycloakProperties properties, MeterRegistry registry) {
		this.adminCalls = Counter.builder("casegrid.keycloak.admin.calls")
			.description("Requests to Keycloak's admin REST API for directory look-ups")
			.register(registry);
		this.endpoints = endpoints;
		// builds a client only; it connects (and gets its token) on the first look-up
		this.keycloak = KeycloakBuilder.builder()
			.serverUrl(endpoints.serverUrl())
			.realm(endpoints.realm())
			.grantType("client_credentials")
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.build();
	}

	/** The direct members of the org unit's group who hold the realm role, by user name. */
	public List<Person> members(String orgCode, String realmRole) {
		RealmResource realm = realm();
		Optional<GroupRepresentation> group = findGroup(realm, orgCode);
		if (group.isEmpty()) {
			return List.of();
		}
		adminCalls.increment();
		Set<String> withRole = realm.roles()
			.get(realmRole)
			.getUserMembers(true, 0, PAGE)
			.stream()
			.map(UserRepresentation::getUsername)
			.collect(Collectors.toSet());
		adminCalls.increment();
		return realm.groups()
			.group(group.get().getId())
			.members(0, PAGE, true)
			.stream()
			.filter(u -> withRole.contains(u.getUsername()))
			.map(KeycloakDirectory::person)
			.toList();
	}

	/** The enabled direct members of the org unit's group, whatever their role; none for a code that is no group. */
	public List<Person> members(String orgCode) {
		RealmResource realm = realm();
		Optional<GroupRepresentation> group = findGroup(realm, orgCode);
		if (group.isEmpty()) {
			return List.of();
		}
		adminCalls.increment();
		return realm.groups()
			.group(group.get().getId())
			.members(0, PAGE, true)
			.stream()
			.filter(u -> !Boolean.FALSE.equals(u.isEnabled()))
			.map(KeycloakDirectory::person)
			.toList();
	}

	/** The enabled account with this exact user name, if any. */
	public Optional<Person> person(String username) {
		adminCalls.increment();
		return realm().users()
			.searchByUsername(username, true)
			.stream()
			.filter(u -> username.equals(u.getUsername()) && !Boolean.FALSE.equals(u.isEnabled()))
			.findFirst()
			.map(KeycloakDirectory::person);
	}

	private static Person person(UserRepresentation user) {
		return new Person(user.getUsername(), displayName(user), user.getEmail());
	}

	/** Which of these user names are enabled accounts of the realm (exact match). */
	public List<String> enabledAccounts(Collection<String> usernames) {
		RealmResource realm = realm();
		return usernames.stream()
			.filter(name -> realm.users().searchByUsername(name, true).stream()
				.anyMatch(u -> name.equals(u.getUsername()) && !Boolean.FALSE.equals(u.isEnabled())))
			.toList();
	}

	/** The full name (family name first, as written in Chinese) of the person with this exact user name, if any. */
	public Optional<String> fullName(String username) {
		return realm().users()
			.searchByUsername(username, true)
			.stream()
			.filter(u -> username.equals(u.getUsername()))
			.findFirst()
			.map(KeycloakDirectory::displayName)
			.filter(name -> !name.equals(username));
	}

	/** Every group of the realm, parents before children. */
	public List<Group> groups() {
		RealmResource realm = realm();
		List<Group> all = new ArrayList<>();
		for (GroupRepresentation top : realm.groups().groups(null, 0, PAGE, false)) {
			collect(realm, top, null, all);
		}
		return all;
	}

	/** Admin REST requests of the member and person look-ups so far ({@code casegrid_keycloak_admin_calls_total}). */
	public long adminCalls() {
		return (long) adminCalls.count();
	}

	@Override
	public void destroy() {
		keycloak.close();
	}

	private RealmResource realm() {
		endpoints.awaitReady();
		return keycloak.realm(endpoints.realm());
	}

	private void collect(RealmResource realm, GroupRepresentation group, String parentOrgCode, List<Group> into) {
		String orgCode = orgCodeOf(group);
		into.add(new Group(orgCode, parentOrgCode, group.getName(), group.getPath()));
		if (group.getSubGroupCount() != null && group.getSubGroupCount() == 0) {
			return;
		}
		for (GroupRepresentation child : realm.groups().group(group.getId()).getSubGroups(0, PAGE, false)) {
			collect(realm, child, orgCode, into);
		}
	}

	private Optional<GroupRepresentation> findGroup(RealmResource realm, String orgCode) {
		adminCalls.increment();
		return realm.groups()
			.query(ORG_CODE + ":" + orgCode, true, 0, PAGE, false)
			.stream()
			.flatMap(KeycloakDirectory::withSubGroups)
			.filter(g -> orgCode.equals(orgCodeOf(g)))
			.findFirst();
	}

	/** A query answers with the matching groups inside their ancestors. */
	private static java.util.stream.Stream<GroupRepresentation> withSubGroups(GroupRepresentation group) {
		List<GroupRepresentation> children = group.getSubGroups() == null ? List.of() : group.getSubGroups();
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(group),
				children.stream().flatMap(KeycloakDirectory::withSubGroups));
	}

	private static String orgCodeOf(GroupRepresentation group) {
		if (group.getAttributes() == null || group.getAttributes().get(ORG_CODE) == null
				|| group.getAttributes().get(ORG_CODE).isEmpty()) {
			return null;
		}
		return group.getAttributes().get(ORG_CODE).get(0);
	}

	private static String displayName(UserRepresentation user) {
		String family = user.getLastName() == null ? "" : user.getLastName();
		String given = user.getFirstName() == null ? "" : user.getFirstName();
		String name = family + given;
		return name.isBlank() ? user.getUsername() : name;
	}

}
