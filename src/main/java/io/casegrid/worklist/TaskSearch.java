package io.casegrid.worklist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.casegrid.casefile.CaseScope;
import io.casegrid.security.Actor;
import io.casegrid.security.Role;
import io.casegrid.web.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the open tasks someone can act on — assigned to them, or unassigned with one of their candidate groups —
 * in the cases they may see, one page at a time. It joins the engine's runtime tables with {@code case_file} in one
 * query so that paging and totals stay right; the engine's query API cannot join our tables.
 */
@Repository
class TaskSearch {

	/** A page of task ids and how many tasks match, counted up to {@link #COUNT_LIMIT}. */
	record Page(List<String> taskIds, long total, boolean totalIsLowerBound) {
	}

	/** Worklists count matching tasks up to this many; a count costs as much as reading every task it counts. */
	static final int COUNT_LIMIT = 1000;

	/** The order of a worklist page; ties are broken by task id so that paging is stable. */
	enum Order {

		/** Oldest first: first come, first served. */
		CREATED("task.create_time_"),
		/** Soonest time limit first (the task's SLA due time); tasks without one come last. */
		DUE("task.due_date_ NULLS LAST, task.create_time_"),
		/**
		 * The case's priority first (URGENT, HIGH, NORMAL: a vulnerable reporter raises it), then the soonest time limit,
		 * then the oldest.
		 */
		PRIORITY("CASE case_file.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END,"
				+ " task.due_date_ NULLS LAST, task.create_time_");

		private final String sql;

		Order(String sql) {
			this.sql = sql;
		}

		/**
		 * The API's {@code sort} parameter: {@code created}, {@code due} or {@code priority}; without one, dispatchers
		 * (乡街调度, who place what comes in) get priority first and everybody else the oldest first.
		 */
		static Order fromParameter(String sort, Actor actor) {
			if (sort == null) {
				return actor.hasAny(Role.TOWNSHIP_DISPATCHER) ? PRIORITY : CREATED;
			}
			return switch (sort) {
				case "created" -> CREATED;
				case "due" -> DUE;
				case "priority" -> PRIORITY;
				default -> throw new InvalidRequestException("sort", "must be created, due or priority, not " + sort);
			};
		}

	}

	/** Narrowing filters of the worklist; null means "any". */
	record Filter(UUID caseId, String candidateGroup, String assignee) {
	}

	private final JdbcClient jdbc;

	TaskSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page find(String actorId, Set<String> candidateGroups, CaseScope scope, Filter filter, Order order, int page,
			int size) {
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>();
		where.add("task.suspension_state_ = 1");
		// the case is found by its primary key (casting case_file.id to text instead would read every case file);
		// instances whose business key is not a case id have no case and no place in a worklist
		params.put("uuidPattern", "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
		params.put("me", actorId);
		if (candidateGroups.isEmpty()) {
			where.add("task.assignee_ = :me");
		}
		else {
			where.add("""
					(task.assignee_ = :me
					 OR (task.assignee_ IS NULL AND EXISTS (
					     SELECT 1 FROM act_ru_identitylink link
					      WHERE link.task_id_ = task.id_ AND link.type_ = 'candidate' AND link.group_id_ IN (:groups))))""");
			params.put("groups", candidateGroups);
		}
		where.add(scope.sql(params));
		if (filter.caseId() != null) {
			where.add("case_file.id = :caseId");
			params.put("caseId", filter.caseId());
		}
		if (filter.candidateGroup() != null) {
			where.add("""
					EXISTS (SELECT 1 FROM act_ru_identitylink wanted
					         WHERE wanted.task_id_ = task.id_ AND wanted.type_ = 'candidate'
					           AND wanted.group_id_ = :candidateGroup)""");
			params.put("candidateGroup", filter.candidateGroup());
		}
		if (filter.assignee() != null) {
			where.add("task.assignee_ = :assignee");
			params.put("assignee", filter.assignee());
		}
		String from = """
				  FROM act_ru_task task
				  JOIN act_ru_execution instance ON instance.id_ = task.proc_inst_id_
				  JOIN case_file ON case_file.id = CASE WHEN instance.business_key_ ~ :uuidPattern
				                                        THEN CAST(instance.business_key_ AS uuid) END
				""" + " WHERE " + String.join("\n   AND ", where);
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<String> ids = jdbc.sql("SELECT task.id_" + from
				+ " ORDER BY " + order.sql + ", task.id_ LIMIT :limit OFFSET :offset")
			.params(params)
			.query(String.class)
			.list();
		params.put("countLimit", COUNT_LIMIT + 1);
		long counted = jdbc.sql("SELECT count(*) FROM (SELECT 1" + from + " LIMIT :countLimit) AS matching")
			.params(params)
			.query(Long.class)
			.single();
		return new Page(ids, Math.min(counted, COUNT_LIMIT), counted > COUNT_LIMIT);
	}

	/** The candidate groups of each of these tasks, sorted, with one query (tasks without any are left out). */
	Map<String, List<String>> candidateGroups(List<String> taskIds) {
		Map<String, List<String>> groups = new HashMap<>();
		if (taskIds.isEmpty()) {
			return groups;
		}
		jdbc.sql("""
				SELECT task_id_, group_id_ FROM act_ru_identitylink
				 WHERE task_id_ IN (:ids) AND type_ = 'candidate' AND group_id_ IS NOT NULL
				 ORDER BY task_id_, group_id_""")
			.param("ids", taskIds)
			.query((row, n) -> Map.entry(row.getString(1), row.getString(2)))
			.list()
			.forEach(link -> groups.computeIfAbsent(link.getKey(), k -> new ArrayList<>()).add(link.getValue()));
		return groups;
	}

}
