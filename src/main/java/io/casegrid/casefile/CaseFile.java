package io.casegrid.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The case file (案卷): the product's permanent record of one case. Its step follows the six-step loop; every change
 * is also written to the case's timeline by {@link CaseFiles}.
 */
@Table("case_file")
public class CaseFile implements Cloneable {

	@Id
	private UUID id;

	private String caseNumber;

	private Channel channel;

	private String channelReference;

	private String categoryCode;

	private String title;

	private String description;

	@Embedded.Empty
	private CaseLocation location;

	@Embedded.Nullable(prefix = "reporter_")
	private Reporter reporter;

	private Instant occurredAt;

	private Instant reportedAt;

	private CaseStep step;

	private String track;

	private String startLevel;

	private String departmentCode;

	private String slaClass;

	private String priority;

	private String reporterTags;

	private boolean vulnerable;

	private String handlingUnitCode;

	private String resolution;

	private boolean valid = true;

	private int redoCount;

	private String possibleDuplicates;

	@Embedded.Nullable(prefix = "evaluation_")
	private Evaluation evaluation;

	private Instant archivedAt;

	@Version
	private Long version;

	CaseFile() {
	}

	/** A case as it was reported (问题上报). */
	public static CaseFile reported(UUID id, String caseNumber, Channel channel, String channelReference,
			String categoryCode, String title, String description, CaseLocation location, Reporter reporter,
			Instant occurredAt, Instant reportedAt) {
		CaseFile file = new CaseFile();
		file.id = id;
		file.caseNumber = caseNumber;
		file.channel = channel;
		file.channelReference = channelReference;
		file.categoryCode = categoryCode;
		file.title = title;
		file.description = description;
		file.location = location;
		file.reporter = reporter;
		file.occurredAt = occurredAt;
		file.reportedAt = reportedAt;
		file.step = CaseStep.REPORTED;
		return file;
	}

	/** The reporter's population tags (人口标签); a vulnerable one raises the case's priority. */
	public void tagReporter(java.util.Set<String> tags, boolean vulnerable) {
		this.reporterTags = tags.isEmpty() ? null : String.join(",", new java.util.TreeSet<>(tags));
		this.vulnerable = vulnerable;
	}

	/** 案卷建立: filed with triage's classification and the open cases it may duplicate. */
	public void file(Classifier.Triage triage, List<String> possibleDuplicates) {
		this.track = triage.track();
		this.startLevel = triage.startLevel();
		this.departmentCode = triage.departmentCode();
		this.slaClass = triage.slaClass();
		this.priority = triage.priority();
		this.possibleDuplicates = possibleDuplicates.isEmpty() ? null : String.join(",", possibleDuplicates);
		this.step = CaseStep.FILED;
	}

	/** 人工研判 picked the track by hand. */
	public void retrack(String track) {
		this.track = track;
	}

	/** 任务指派: the dispatcher chose the handling unit. */
	public void dispatchTo(String unitCode) {
		this.handlingUnitCode = unitCode;
		this.step = CaseStep.DISPATCHED;
	}

	/** The dispatcher found the report invalid (无效诉求); it goes to the archive without handling. */
	public void rejectAsInvalid() {
		this.valid = false;
	}

	/** 调查落实 began: the handling unit signed for the case (签收), or a department called in reported for it (报到). */
	public void startHandling() {
		this.step = CaseStep.HANDLING;
	}

	/** The handling unit sent the case back: wrong unit, to be dispatched again. */
	public void returnToDispatch() {
		this.handlingUnitCode = null;
		this.step = CaseStep.FILED;
	}

	public void resolve(String resolution) {
		this.resolution = resolution;
	}

	/** 反馈结果: the result went to the reporter. */
	public void feedBack() {
		this.step = CaseStep.FEEDBACK;
	}

	public void evaluate(Evaluation evaluation) {
		this.evaluation = evaluation;
	}

	/** 重办: a 不满意 evaluation sends the case back to handling. */
	public void redo() {
		this.redoCount++;
		this.evaluation = null;
		this.step = CaseStep.HANDLING;
	}

	/** 结案归档. */
	public void archive(Instant at) {
		this.archivedAt = at;
		this.step = CaseStep.ARCHIVED;
	}

	public UUID id() {
		return id;
	}

	public String caseNumber() {
		return caseNumber;
	}

	public Channel channel() {
		return channel;
	}

	public String channelReference() {
		return channelReference;
	}

	public String categoryCode() {
		return categoryCode;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public CaseLocation location() {
		return location;
	}

	public Reporter reporter() {
		return reporter;
	}

	public Instant occurredAt() {
		return occurredAt;
	}

	public Instant reportedAt() {
		return reportedAt;
	}

	public CaseStep step() {
		return step;
	}

	public String track() {
		return track;
	}

	public String startLevel() {
		return startLevel;
	}

	public String departmentCode() {
		return departmentCode;
	}

	public String slaClass() {
		return slaClass;
	}

	public String priority() {
		return priority;
	}

	public List<String> reporterTags() {
		return reporterTags == null ? List.of() : Arrays.asList(reporterTags.split(","));
	}

	public boolean vulnerable() {
		return vulnerable;
	}

	public String handlingUnitCode() {
		return handlingUnitCode;
	}

	public String resolution() {
		return resolution;
	}

	public boolean valid() {
		return valid;
	}

	public int redoCount() {
		return redoCount;
	}

	public List<String> possibleDuplicates() {
		return possibleDuplicates == null ? List.of() : Arrays.asList(possibleDuplicates.split(","));
	}

	public Evaluation evaluation() {
		return evaluation;
	}

	public Instant archivedAt() {
		return archivedAt;
	}

	/**
	 * The columns a change may write, with the values as stored: what the methods above set after intake. The rest
	 * (number, channel, report, place, reporter) is fixed when the case is reported. {@link CaseFiles#change} writes
	 * only the ones whose value a change moved.
	 */
	Map<String, Object> changeableColumns() {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("step", step == null ? null : step.name());
		columns.put("track", track);
		columns.put("start_level", startLevel);
		columns.put("department_code", departmentCode);
		columns.put("sla_class", slaClass);
		columns.put("priority", priority);
		columns.put("reporter_tags", reporterTags);
		columns.put("vulnerable", vulnerable);
		columns.put("handling_unit_code", handlingUnitCode);
		columns.put("resolution", resolution);
		columns.put("valid", valid);
		columns.put("redo_count", redoCount);
		columns.put("possible_duplicates", possibleDuplicates);
		columns.put("evaluation_score",
				evaluation == null || evaluation.score() == null ? null : evaluation.score().name());
		columns.put("evaluation_comment", evaluation == null ? null : evaluation.comment());
		columns.put("evaluation_at", evaluation == null ? null : timestamp(evaluation.at()));
		columns.put("evaluation_defaulted", evaluation == null ? null : evaluation.defaulted());
		columns.put("archived_at", timestamp(archivedAt));
		return columns;
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	/** The version this file was read at: a write succeeds only while the stored row still has it. */
	long version() {
		return version;
	}

	/** A copy that changes apart from this file (its parts are immutable values). */
	CaseFile copy() {
		try {
			return (CaseFile) super.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The stored row moved to the next version with this file's changes. */
	void written() {
		version++;
	}

}
