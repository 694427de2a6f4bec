-- Worklists read the open clock behind each task by its process instance; without this index every task of a page
-- scanned all clocks, archived ones included (docs/performance.md).
CREATE INDEX sla_clock_open_instance_idx ON sla_clock (process_instance_id) WHERE stopped_at IS NULL;
