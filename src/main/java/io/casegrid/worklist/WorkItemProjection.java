package io.casegrid.worklist;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps {@code work_item} (and who may pick each task up, {@code work_item_holder}) in step with the engine's open user
 * tasks of cases: called by {@link WorkItemListeners} in the engine's own transaction, so a task and its row commit or
 * roll back together. A task belongs to a case when its process instance's business key is a case id with a case
 * file, as worklists have always joined them; other tasks have no row.
 */
@Service
class WorkItemProjection {

	private static final Pattern CASE_ID = Pattern
		.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

	/**
	 * Upserts the task's row, then replaces its holder rows (one statement: the new rows are derived from the row just
	 * written, the same derivation as V26's back-fill). Priority and creation time stay as they were first recorded.
	 */
	private static final String RECORD = """
			WITH item AS (
			    INSERT INTO work_item (task_id, case_id, process_instance_id, process_definition_id, task_key, name,
			                           candidate_groups, assignee, priority, due, created)
			    SELECT :taskId, case_file.id, :instanceId, :definitionId, :taskKey, :name, %s, :assignee,
			           case_file.priority, :due, :created
			      FROM case_file WHERE case_file.id = :caseId
			    ON CONFLICT (task_id) DO UPDATE
			       SET process_definition_id = EXCLUDED.process_definition_id, task_key = EXCLUDED.task_key,
			           name = EXCLUDED.name, candidate_groups = EXCLUDED.candidate_groups,
			           assignee = EXCLUDED.assignee, due = EXCLUDED.due
			    RETURNING task_id, case_id, created, due, priority, assignee, candidate_groups),
			replaced AS (DELETE FROM work_item_holder WHERE task_id = :taskId)
			INSERT INTO work_item_holder (holder, task_id, case_id, created, due, priority_rank)
			SELECT holder.key, item.task_id, item.case_id, item.created, item.due,
			       CASE item.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END
			  FROM item
			 CROSS JOIN LATERAL (SELECT 'user:' || item.assignee WHERE item.assignee IS NOT NULL
			                     UNION ALL
			                     SELECT 'group:' || g FROM unnest(item.candidate_groups) AS g
			                      WHERE item.assignee IS NULL) AS holder (key)""";

	private final JdbcClient jdbc;

	WorkItemProjection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A task was created, or its assignee, due date, candidates or name changed: its row as the task is now. */
	void record(DelegateTask task) {
		UUID caseId = caseOf(task);
		if (caseId == null) {
			return;
		}
		List<String> groups = task.getCandidates()
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.distinct()
			.sorted()
			.toList();
		jdbc.sql(RECORD.formatted(groups.isEmpty() ? "CAST('{}' AS varchar[])" : "ARRAY[:groups]::varchar[]"))
			.param("taskId", task.getId())
			.param("caseId", caseId)
			.param("instanceId", task.getProcessInstanceId())
			.param("definitionId", task.getProcessDefinitionId())
			.param("taskKey", task.getTaskDefinitionKey())
			.param("name", task.getName())
			.param("groups", groups)
			.param("assignee", task.getAssignee())
			.param("due", timestamp(task.getDueDate()))
			.param("created", timestamp(task.getCreateTime()))
			.update();
	}

	/** A task was completed or deleted (its process cancelled, a boundary event interrupted it). */
	void remove(DelegateTask task) {
		jdbc.sql("DELETE FROM work_item WHERE task_id = :taskId").param("taskId", task.getId()).update();
	}

	private static UUID caseOf(DelegateTask task) {
		DelegateExecution execution = task.getExecution();
		String key = execution == null ? null : execution.getProcessBusinessKey();
		return key == null || !CASE_ID.matcher(key).matches() ? null : UUID.fromString(key);
	}

	private static Timestamp timestamp(Date date) {
		return date == null ? null : new Timestamp(date.getTime());
	}

}
