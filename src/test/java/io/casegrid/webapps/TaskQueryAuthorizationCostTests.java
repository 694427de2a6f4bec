package io.casegrid.webapps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.casegrid.EngineTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camunda's authorization checks cost a Tasklist task query, printed (not asserted: the figure depends on the
 * machine) for docs/tasklist.md. Open tasks, 20 for each unit: 500 in the suite, more with
 * {@code -Dcasegrid.cost.tasks=2000} (the figures in the document). Three ways to give a unit's person its
 * 20 tasks: no check at all (the engine's own queries, the API's path); Camunda's default per-task grants (one
 * authorization row per task and candidate group, checked by the query); and what Tasklist does for field staff here, a
 * role-wide grant plus {@code taskIdIn} = the API's worklist ({@link TasklistScope}).
 */
class TaskQueryAuthorizationCostTests extends EngineTestSupport {

	private static final int PER_UNIT = 20;

	private static final int TASKS = Integer.getInteger("casegrid.cost.tasks", 500) / PER_UNIT * PER_UNIT;

	private static final int UNITS = TASKS / PER_UNIT;

	private static final int RUNS = 40;

	@Autowired
	TaskService tasks;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	IdentityService identity;

	private final List<String> created = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		identity.clearAuthentication();
		authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.list()
			.stream()
			.filter(a -> created.contains(a.getResourceId()) || a.getGroupId() != null && a.getGroupId().startsWith("cost-"))
			.forEach(a -> authorizations.deleteAuthorization(a.getId()));
		tasks.deleteTasks(created, true);
	}

	@Test
	void aUnitsPersonGetsTheSameTwentyTasksEachWayAndThePricesArePrinted() {
		long start = System.nanoTime();
		for (int i = 0; i < TASKS; i++) {
			Task task = tasks.newTask();
			task.setName("cost " + i);
			tasks.saveTask(task);
			tasks.addCandidateGroup(task.getId(), unit(i % UNITS));
			created.add(task.getId());
		}
		double createMs = millis(start) / TASKS;
		List<String> unit7 = tasks.createTaskQuery().taskCandidateGroup(unit(7)).list().stream().map(Task::getId).toList();
		assertThat(unit7).hasSize(TASKS / UNITS);

		double noCheck = median(() -> tasks.createTaskQuery().taskCandidateGroup(unit(7)).list().size());

		start = System.nanoTime();
		for (int i = 0; i < TASKS; i++) {
			Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(unit(i % UNITS));
			grant.setResource(Resources.TASK);
			grant.setResourceId(created.get(i));
			grant.addPermission(TaskPermissions.READ);
			grant.addPermission(TaskPermissions.TASK_WORK);
			authorizations.saveAuthorization(grant);
		}
		double grantMs = millis(start) / TASKS;
		identity.setAuthentication("cost-user", List.of(unit(7)));
		assertThat(tasks.createTaskQuery().list()).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(unit7);
		double perTaskGrants = median(() -> tasks.createTaskQuery().list().size());
		identity.clearAuthentication();

		Authorization roleWide = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		roleWide.setGroupId("cost-role");
		roleWide.setResource(Resources.TASK);
		roleWide.setResourceId(Authorization.ANY);
		roleWide.addPermission(TaskPermissions.READ);
		authorizations.saveAuthorization(roleWide);
		identity.setAuthentication("cost-user", List.of("cost-role"));
		String[] worklist = unit7.toArray(String[]::new);
		assertThat(tasks.createTaskQuery().taskIdIn(worklist).list()).extracting(Task::getId)
			.containsExactlyInAnyOrderElementsOf(unit7);
		double roleGrantAndIds = median(() -> tasks.createTaskQuery().taskIdIn(worklist).list().size());
		identity.clearAuthentication();

		System.out.printf("""
				[task query cost] %d open tasks, %d per unit; median of %d queries
				  creating a task with a candidate group:               %.2f ms
				  one per-task grant row (Camunda's default, per link): %.2f ms
				  no authorization check (candidate group query):       %.2f ms
				  per-task grants, checked by the query:                %.2f ms
				  role-wide grant + taskIdIn (Tasklist here):           %.2f ms
				""", TASKS, TASKS / UNITS, RUNS, createMs, grantMs, noCheck, perTaskGrants, roleGrantAndIds);
	}

	private static String unit(int i) {
		return "cost-unit-" + i;
	}

	private static double millis(long since) {
		return (System.nanoTime() - since) / 1e6;
	}

	private static double median(Supplier<Integer> query) {
		for (int i = 0; i < 5; i++) {
			query.get();
		}
		double[] times = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			assertThat(query.get()).isEqualTo(TASKS / UNITS);
			times[i] = millis(start);
		}
		Arrays.sort(times);
		return times[RUNS / 2];
	}

}
