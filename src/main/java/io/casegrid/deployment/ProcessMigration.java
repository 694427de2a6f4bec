package io.casegrid.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A migration of the running instances of one process version to another, started as a Camunda batch: its plan's
 * instructions are kept, so that each instance's SLA clocks follow the timers it maps, and so that it can be explained
 * afterwards. Written once; its progress is the batch's.
 */
@Table("process_migration")
public class ProcessMigration {

	@Id
	private UUID id;

	private String processKey;

	private int fromVersion;

	private int toVersion;

	private String sourceDefinitionId;

	private String targetDefinitionId;

	private String batchId;

	private long instances;

	private String requestedBy;

	private Instant requestedAt;

	@MappedCollection(idColumn = "process_migration", keyColumn = "position")
	private List<Instruction> instructions = new ArrayList<>();

	/** One instruction of the plan: an activity of the source version and where its instances go. */
	@Table("process_migration_instruction")
	public record Instruction(String sourceActivity, String targetActivity, boolean generated,
			boolean updateEventTrigger) {

		public String from() {
			return sourceActivity;
		}

		public String to() {
			return targetActivity;
		}

	}

	@Version
	private Long version;

	ProcessMigration() {
	}

	static ProcessMigration started(ProcessMigrations.Plan plan, String batchId, String actor, Instant at) {
		ProcessMigration m = new ProcessMigration();
		m.id = UUID.randomUUID();
		m.processKey = plan.process();
		m.fromVersion = plan.fromVersion();
		m.toVersion = plan.toVersion();
		m.sourceDefinitionId = plan.sourceDefinitionId();
		m.targetDefinitionId = plan.targetDefinitionId();
		m.batchId = batchId;
		m.instances = plan.instances();
		m.requestedBy = actor;
		m.requestedAt = at;
		m.instructions = new ArrayList<>(plan.instructions());
		return m;
	}

	public UUID id() {
		return id;
	}

	public String processKey() {
		return processKey;
	}

	public int fromVersion() {
		return fromVersion;
	}

	public int toVersion() {
		return toVersion;
	}

	public String sourceDefinitionId() {
		return sourceDefinitionId;
	}

	public String targetDefinitionId() {
		return targetDefinitionId;
	}

	public String batchId() {
		return batchId;
	}

	public long instances() {
		return instances;
	}

	public String requestedBy() {
		return requestedBy;
	}

	public Instant requestedAt() {
		return requestedAt;
	}

	public List<Instruction> instructions() {
		return List.copyOf(instructions);
	}

}
