package io.casegrid.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface SlaClockRepository extends CrudRepository<SlaClock, UUID> {

	@Query("""
			SELECT * FROM sla_clock
			 WHERE case_id = :caseId AND stopped_at IS NULL
			 ORDER BY started_at, id
			""")
	List<SlaClock> findOpenByCase(@Param("caseId") UUID caseId);

	@Query("""
			SELECT * FROM sla_clock
			 WHERE case_id = :caseId AND level = :level AND stopped_at IS NULL
			 ORDER BY started_at, id
			""")
	List<SlaClock> findOpenByCaseAtLevel(@Param("caseId") UUID caseId, @Param("level") String level);

	@Query("SELECT EXISTS (SELECT 1 FROM sla_clock WHERE case_id = :caseId AND phase = :phase)")
	boolean existsForPhase(@Param("caseId") UUID caseId, @Param("phase") String phase);

	@Query("SELECT EXISTS (SELECT 1 FROM sla_clock WHERE case_id = :caseId AND phase = :phase AND unit_code = :unitCode)")
	boolean existsForUnit(@Param("caseId") UUID caseId, @Param("phase") String phase,
			@Param("unitCode") String unitCode);

	@Query("""
			SELECT * FROM sla_clock
			 WHERE process_instance_id = :processInstanceId AND stopped_at IS NULL
			 ORDER BY started_at, id
			""")
	List<SlaClock> findOpenByProcessInstance(@Param("processInstanceId") String processInstanceId);

	@Query("""
			SELECT * FROM sla_clock
			 WHERE stopped_at IS NULL AND paused_at IS NULL AND counting = 'WORKING'
			 ORDER BY due_at, id
			""")
	List<SlaClock> findRunningWorking();

	/** Running working-time clocks whose window (start to due) touches {@code [from, until)}. */
	@Query("""
			SELECT * FROM sla_clock
			 WHERE stopped_at IS NULL AND paused_at IS NULL AND counting = 'WORKING'
			   AND started_at < :until AND due_at >= :from
			 ORDER BY due_at, id
			""")
	List<SlaClock> findRunningWorkingTouching(@Param("from") Instant from, @Param("until") Instant until);

	String FILTERS = """
			   AND (CAST(:unit AS varchar) IS NULL OR unit_code = :unit)
			   AND (CAST(:level AS varchar) IS NULL OR level = :level)
			   AND (CAST(:department AS varchar) IS NULL OR department_code = :department)
			   AND (CAST(:dueFrom AS timestamptz) IS NULL OR due_at >= :dueFrom)
			   AND (CAST(:dueTo AS timestamptz) IS NULL OR due_at < :dueTo)
			""";

	String AT_RISK = """
			 WHERE stopped_at IS NULL AND paused_at IS NULL AND breached_at IS NULL
			   AND (warned_at IS NOT NULL OR warn_at <= :now) AND due_at > :now
			""";

	String BREACHED = """
			 WHERE (breached_at IS NOT NULL OR (stopped_at IS NULL AND paused_at IS NULL AND due_at <= :now))
			""";

}
