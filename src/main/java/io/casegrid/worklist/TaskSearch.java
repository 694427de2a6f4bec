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
 * in the cases they may see, one page at a time. It reads the work-item projection ({@link WorkItemProjection}) in
 * index order and joins {@code case_file} by its key for the visibility rule ({@link CaseScope}), in one query so that
 * paging and totals stay right; the engine's query API cannot join our tables.
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
		CREATED("held.created"),
		/** Soonest time limit first (the task's SLA due time); tasks without one come last. */
		DUE("held.due NULLS LAST, held.created"),
		/**
		 * The case's priority first (URGENT, HIGH, NORMAL: a vulnerable reporter raises it), then the soonest time limit,
		 * then the oldest.
		 */
		PRIORITY("held.priority_rank, held.due NULLS LAST, held.created");

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
		where.add(scope.sql(params));
		String join = "";
		if (filter.caseId() != null) {
			where.add("held.case_id = :caseId");
			params.put("caseId", filter.caseId());
		}
		if (filter.candidateGroup() != null || filter.assignee() != null) {
			join = " JOIN work_item item ON item.task_id = held.task_id";
		}
		if (filter.candidateGroup() != null) {
			where.add(":candidateGroup = ANY (item.candidate_groups)");
			params.put("candidateGroup", filter.candidateGroup());
		}
		if (filter.assignee() != null) {
			where.add("item.assignee = :assignee");
			params.put("assignee", filter.assignee());
		}
		List<String> arms = held(actorId, candidateGroups, params, join, String.join("\n   AND ", where));
		params.put("limit", size);
		params.put("offset", (long) page * size);
		params.put("armLimit", (long) page * size + size);
		// each holder key's first rows in the order asked for, then the page among them: each range stops after
		// (page + 1) × size visible tasks instead of being read and sorted whole
		String ordered = arms.stream()
			.map(arm -> "(" + arm + " ORDER BY " + order.sql + ", held.task_id LIMIT :armLimit)")
			.collect(java.util.stream.Collectors.joining("\n UNION ALL "));
		List<String> ids = jdbc.sql("SELECT held.task_id FROM (" + ordered + ") AS held ORDER BY " + order.sql
				+ ", held.task_id LIMIT :limit OFFSET :offset")
			.params(params)
			.query(String.class)
			.list();
		params.put("countLimit", COUNT_LIMIT + 1);
		long counted = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM (" + String.join("\n UNION ALL ", arms)
				+ ") AS held LIMIT :countLimit) AS matching")
			.params(params)
			.query(Long.class)
			.single();
		return new Page(ids, Math.min(counted, COUNT_LIMIT), counted > COUNT_LIMIT);
	}

	/**
	 * The tasks someone may pick up — assigned to them, or unassigned with one of their candidate groups — that they
	 * may see: one query per holder key, each an index range of {@code work_item_holder} joined to its cases by key. A
	 * task open to several of the actor's groups is taken from the first of them only.
	 */
	private static List<String> held(String actorId, Set<String> candidateGroups, Map<String, Object> params,
			String join, String where) {
		List<String> keys = new ArrayList<>();
		keys.add("user:" + actorId);
		candidateGroups.stream().sorted().forEach(group -> keys.add("group:" + group));
		List<String> arms = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			params.put("holder_" + i, keys.get(i));
			String arm = "SELECT held.task_id, held.created, held.due, held.priority_rank FROM work_item_holder held"
					+ join + " JOIN case_file ON case_file.id = held.case_id WHERE held.holder = :holder_" + i;
			if (i > 1) {
				params.put("earlier_" + i, keys.subList(1, i));
				arm += " AND NOT EXISTS (SELECT 1 FROM work_item_holder earlier"
						+ " WHERE earlier.task_id = held.task_id AND earlier.holder IN (:earlier_" + i + "))";
			}
			arms.add(arm + " AND " + where);
		}
		return arms;
	}

	/** A task's row of the projection, with what a worklist shows of its case. */
	record Row(String taskId, UUID caseId, String caseNumber, String processInstanceId, String processDefinitionId,
			String taskKey, String name, List<String> candidateGroups, String assignee, java.time.Instant due,
			java.time.Instant created, boolean redo, String priority) {
	}

	/** The projection's rows of these tasks with their cases' number, redo count and priority (in no order). */
	List<Row> rows(List<String> taskIds) {
		if (taskIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT item.*, case_file.case_number, case_file.redo_count, case_file.priority AS case_priority
				  FROM work_item item JOIN case_file ON case_file.id = item.case_id
				 WHERE item.task_id IN (:ids)""")
			.param("ids", taskIds)
			.query((row, n) -> new Row(row.getString("task_id"), row.getObject("case_id", UUID.class),
					row.getString("case_number"), row.getString("process_instance_id"),
					row.getString("process_definition_id"), row.getString("task_key"), row.getString("name"),
					List.of((String[]) row.getArray("candidate_groups").getArray()), row.getString("assignee"),
					instant(row.getTimestamp("due")), instant(row.getTimestamp("created")),
					row.getInt("redo_count") > 0, row.getString("case_priority")))
			.list();
	}

	private static java.time.Instant instant(java.sql.Timestamp value) {
		return value == null ? null : value.toInstant();
	}

}
