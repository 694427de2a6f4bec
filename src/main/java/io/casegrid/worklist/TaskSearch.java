package io.casegrid.worklist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.casegrid.casefile.CaseScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the open tasks someone can act on — assigned to them, or unassigned with one of their candidate groups —
 * in the cases they may see, one page at a time. It joins the engine's runtime tables with {@code case_file} in one
 * query so that paging and totals stay right; the engine's query API cannot join our tables.
 */
@Repository
class TaskSearch {

	record Page(List<String> taskIds, long total) {
	}

	/** Narrowing filters of the worklist; null means "any". */
	record Filter(UUID caseId, String candidateGroup, String assignee) {
	}

	private final JdbcClient jdbc;

	TaskSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page find(String actorId, Set<String> candidateGroups, CaseScope scope, Filter filter, int page, int size) {
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>();
		where.add("task.suspension_state_ = 1");
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
				  JOIN case_file ON case_file.id::text = instance.business_key_
				""" + " WHERE " + String.join("\n   AND ", where);
		long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<String> ids = jdbc.sql("SELECT task.id_" + from
				+ " ORDER BY task.create_time_, task.id_ LIMIT :limit OFFSET :offset")
			.params(params)
			.query(String.class)
			.list();
		return new Page(ids, total);
	}

}
