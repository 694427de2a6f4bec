package io.casegrid.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * What each realm role may do in Camunda's engine — through Cockpit, Tasklist, Admin and {@code /engine-rest}. Camunda
 * authorizations are on ({@code camunda.bpm.authorization.enabled}); the Camunda groups of a signed-in user are their
 * Keycloak realm roles ({@link CamundaUsers}), and at every start this plugin makes sure each role's group has the
 * grants below (it adds what is missing and removes nothing an administrator added in Camunda Admin):
 * <table>
 * <caption>Grants per realm role (resource id {@code *} unless named)</caption>
 * <tr><th>role</th><th>grants</th></tr>
 * <tr><td>{@code admin}</td><td>ALL on every resource, and a Camunda administrator group (engine operations that need
 * one)</td></tr>
 * <tr><td>{@code supervisor}, {@code auditor}</td><td>application {@code cockpit}: ACCESS; process definitions: READ,
 * READ_HISTORY; process instances: READ; tasks: READ; decision definitions: READ, READ_HISTORY; decision requirements
 * definitions: READ; deployments: READ; operation log (every category): READ. No UPDATE, CREATE or DELETE anywhere:
 * no deploying, no task work, no variable writes, no job or timer changes</td></tr>
 * <tr><td>{@code process-designer}</td><td>applications {@code cockpit} and {@code tasklist}: ACCESS; process,
 * decision and decision requirements definitions: READ; deployments: READ. Nothing on instances, tasks or history:
 * those are the cases of every place</td></tr>
 * <tr><td>{@code process-deployer}</td><td>deployments: CREATE, READ (the only role that deploys; what is deployed
 * passes {@code deployment.DeploymentCheck})</td></tr>
 * <tr><td>field staff ({@link WebappActors#FIELD_STAFF})</td><td>application {@code tasklist}: ACCESS; tasks: READ,
 * TASK_WORK; process definitions: READ; filters: READ. Usable only in Tasklist (engine REST refuses these roles), where
 * {@code webapps.TasklistScope} narrows every call to the tasks the API's place and holder rules give the user</td></tr>
 * <tr><td>every other role</td><td>nothing: apps work through the API</td></tr>
 * </table>
 * Camunda's engine checks these only for calls made with an authenticated user on the thread: the webapps and
 * {@code /engine-rest}. The service's own calls ({@code process.EngineUser}) skip them, because the REST facade has
 * done its own place and holder checks, and the job executor calls the engine without a user. A deployer gets no
 * automatic READ/DELETE grant on the deployments they create (Camunda's default), so deploying never lets anyone
 * delete a deployment and the running cases in it.
 */
@Component
class EngineAuthorizations extends AbstractProcessEnginePlugin {

	static final List<Grant> GRANTS = grants();

	/** The permissions a role's group has on one resource. */
	record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
	}

	private static List<Grant> grants() {
		List<Grant> grants = new ArrayList<>();
		for (Resources resource : Resources.values()) {
			grants.add(grant(Role.ADMIN, resource, Permissions.ALL));
		}
		for (Role reader : List.of(Role.SUPERVISOR, Role.AUDITOR)) {
			grants.add(new Grant(reader.tokenName(), Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)));
			grants.add(grant(reader, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.READ_HISTORY));
			grants.add(grant(reader, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ));
			grants.add(grant(reader, Resources.TASK, TaskPermissions.READ));
			grants.add(grant(reader, Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY));
			grants.add(grant(reader, Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ));
			grants.add(grant(reader, Resources.DEPLOYMENT, Permissions.READ));
			grants.add(grant(reader, Resources.OPERATION_LOG_CATEGORY, UserOperationLogCategoryPermissions.READ));
		}
		for (String app : List.of("cockpit", "tasklist")) {
			grants.add(new Grant(Role.PROCESS_DESIGNER.tokenName(), Resources.APPLICATION, app,
					List.of(Permissions.ACCESS)));
		}
		grants.add(grant(Role.PROCESS_DESIGNER, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ));
		grants.add(grant(Role.PROCESS_DESIGNER, Resources.DECISION_DEFINITION, Permissions.READ));
		grants.add(grant(Role.PROCESS_DESIGNER, Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ));
		grants.add(grant(Role.PROCESS_DESIGNER, Resources.DEPLOYMENT, Permissions.READ));
		grants.add(grant(Role.PROCESS_DEPLOYER, Resources.DEPLOYMENT, Permissions.CREATE, Permissions.READ));
		for (Role field : WebappActors.FIELD_STAFF.stream().sorted().toList()) {
			grants.add(new Grant(field.tokenName(), Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)));
			grants.add(grant(field, Resources.TASK, TaskPermissions.READ, TaskPermissions.TASK_WORK));
			grants.add(grant(field, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ));
			grants.add(grant(field, Resources.FILTER, Permissions.READ));
		}
		return List.copyOf(grants);
	}

	private static Grant grant(Role role, Resource resource, Permission... permissions) {
		return new Grant(role.tokenName(), resource, Authorization.ANY, List.of(permissions));
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<String> adminGroups = new ArrayList<>(Stream.of(Groups.CAMUNDA_ADMIN, Role.ADMIN.tokenName()).toList());
		configuration.setAdminGroups(adminGroups);
		configuration.setResourceAuthorizationProvider(new GrantsOnlyFromRoles());
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		AuthorizationService authorizations = engine.getAuthorizationService();
		for (Grant grant : GRANTS) {
			Authorization existing = authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(grant.group())
				.resourceType(grant.resource())
				.resourceId(grant.resourceId())
				.singleResult();
			Authorization authorization = existing != null ? existing
					: authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			if (existing == null) {
				authorization.setGroupId(grant.group());
				authorization.setResource(grant.resource());
				authorization.setResourceId(grant.resourceId());
			}
			if (existing == null || grant.permissions().stream().anyMatch(p -> !existing.isPermissionGranted(p))) {
				grant.permissions().forEach(authorization::addPermission);
				authorizations.saveAuthorization(authorization);
			}
		}
	}

	/**
	 * Camunda's default grants on what is created, minus two: a deployer gets no grant on the deployment they made
	 * (see above), and a task gets none for its assignee, owner or candidates. Field staff work tasks through the
	 * API, whose own holder rules apply ({@code worklist.CaseActions}); per-task grants would reach no one in the
	 * webapps and cost inserts, look-ups and deletes of authorization rows on every task.
	 */
	private static final class GrantsOnlyFromRoles extends DefaultAuthorizationProvider {

		@Override
		public AuthorizationEntity[] newDeployment(Deployment deployment) {
			return null;
		}

		@Override
		public AuthorizationEntity[] newTask(Task task) {
			return null;
		}

		@Override
		public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
			return null;
		}

		@Override
		public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
			return null;
		}

		@Override
		public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
			return null;
		}

		@Override
		public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
			return null;
		}

		@Override
		public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
			return null;
		}

		@Override
		public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
			return null;
		}

	}

}
