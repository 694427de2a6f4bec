-- The work-item projection (issue 14, docs/performance.md "Work-item projection"): one row per open user task of a
-- case, written by task listeners in the engine's transaction (worklist.WorkItemListeners), so that a worklist page
-- reads its rows in index order instead of walking the engine's task, identity-link and execution tables.
-- Idempotent (IF NOT EXISTS, ON CONFLICT): the back-fill below may run again on the same database.

CREATE TABLE IF NOT EXISTS work_item (
    task_id               varchar(64)    PRIMARY KEY,
    case_id               uuid           NOT NULL REFERENCES case_file (id),
    process_instance_id   varchar(64)    NOT NULL,
    process_definition_id varchar(64)    NOT NULL,
    task_key              varchar(255)   NOT NULL,
    name                  varchar(255),
    candidate_groups      varchar(255)[] NOT NULL,
    assignee              varchar(255),
    -- the case's priority (NORMAL, HIGH, URGENT) when the task was created: triage sets it before any task
    priority              varchar(16),
    due                   timestamptz,
    created               timestamptz    NOT NULL
);
CREATE INDEX IF NOT EXISTS work_item_case_idx ON work_item (case_id);
CREATE INDEX IF NOT EXISTS work_item_instance_idx ON work_item (process_instance_id);

-- Who may pick a task up: 'user:<id>' of its assignee, or, while nobody holds it, 'group:<code>' for each candidate
-- group. A worklist is the holder keys of one person merged in the order asked for, each an index range.
CREATE TABLE IF NOT EXISTS work_item_holder (
    holder        varchar(300) NOT NULL,
    task_id       varchar(64)  NOT NULL REFERENCES work_item (task_id) ON DELETE CASCADE,
    case_id       uuid         NOT NULL,
    created       timestamptz  NOT NULL,
    due           timestamptz,
    -- URGENT 0, HIGH 1, anything else 2 (the worklist's priority order)
    priority_rank smallint     NOT NULL
);
CREATE INDEX IF NOT EXISTS work_item_holder_task_idx ON work_item_holder (task_id);
CREATE INDEX IF NOT EXISTS work_item_holder_created_idx ON work_item_holder (holder, created, task_id);
CREATE INDEX IF NOT EXISTS work_item_holder_due_idx ON work_item_holder (holder, due, created, task_id);
CREATE INDEX IF NOT EXISTS work_item_holder_priority_idx
    ON work_item_holder (holder, priority_rank, due, created, task_id);

-- Existing databases: the open tasks of cases, from the engine's runtime tables. Flyway runs before the engine builds
-- its schema, so on a fresh database those tables do not exist yet (and there is nothing to fill).
DO $$
BEGIN
    IF to_regclass('act_ru_task') IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO work_item (task_id, case_id, process_instance_id, process_definition_id, task_key, name,
                           candidate_groups, assignee, priority, due, created)
    SELECT task.id_, case_file.id, task.proc_inst_id_, task.proc_def_id_, task.task_def_key_, task.name_,
           ARRAY(SELECT DISTINCT link.group_id_ FROM act_ru_identitylink link
                  WHERE link.task_id_ = task.id_ AND link.type_ = 'candidate' AND link.group_id_ IS NOT NULL
                  ORDER BY link.group_id_),
           task.assignee_, case_file.priority, task.due_date_, task.create_time_
      FROM act_ru_task task
      JOIN act_ru_execution instance ON instance.id_ = task.proc_inst_id_
      JOIN case_file ON case_file.id = CASE
               WHEN instance.business_key_ ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
               THEN CAST(instance.business_key_ AS uuid) END
    ON CONFLICT (task_id) DO NOTHING;
    INSERT INTO work_item_holder (holder, task_id, case_id, created, due, priority_rank)
    SELECT holder.key, item.task_id, item.case_id, item.created, item.due,
           CASE item.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END
      FROM work_item item
     CROSS JOIN LATERAL (SELECT 'user:' || item.assignee WHERE item.assignee IS NOT NULL
                         UNION ALL
                         SELECT 'group:' || g FROM unnest(item.candidate_groups) AS g WHERE item.assignee IS NULL)
           AS holder (key)
     WHERE NOT EXISTS (SELECT 1 FROM work_item_holder held WHERE held.task_id = item.task_id);
END $$;
