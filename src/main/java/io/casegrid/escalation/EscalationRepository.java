package io.casegrid.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface EscalationRepository extends CrudRepository<Escalation, UUID> {

	String FILTERS = """
			 WHERE (CAST(:caseId AS uuid) IS NULL OR case_id = :caseId)
			   AND (CAST(:toLevel AS varchar) IS NULL OR to_level = :toLevel)
			   AND (CAST(:unit AS varchar) IS NULL OR from_unit = :unit OR to_unit = :unit)
			   AND (CAST(:from AS timestamptz) IS NULL OR escalated_at >= :from)
			   AND (CAST(:to AS timestamptz) IS NULL OR escalated_at < :to)
			""";

	@Query("SELECT * FROM escalation" + FILTERS + " ORDER BY escalated_at DESC, id LIMIT :limit OFFSET :offset")
	List<Escalation> find(@Param("caseId") UUID caseId, @Param("toLevel") String toLevel, @Param("unit") String unit,
			@Param("from") Instant from, @Param("to") Instant to, @Param("limit") int limit,
			@Param("offset") long offset);

	@Query("SELECT count(*) FROM escalation" + FILTERS)
	long count(@Param("caseId") UUID caseId, @Param("toLevel") String toLevel, @Param("unit") String unit,
			@Param("from") Instant from, @Param("to") Instant to);

}
