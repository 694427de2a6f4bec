package io.casegrid.escalation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface SupervisionOrderRepository extends CrudRepository<SupervisionOrder, UUID> {

	@Query("""
			SELECT * FROM supervision_order
			 WHERE case_id = :caseId AND department_code = :department AND phase = :phase
			 ORDER BY issued_at, id
			""")
	List<SupervisionOrder> findFor(@Param("caseId") UUID caseId, @Param("department") String department,
			@Param("phase") String phase);

	String FILTERS = """
			 WHERE (CAST(:caseId AS uuid) IS NULL OR case_id = :caseId)
			   AND (CAST(:department AS varchar) IS NULL OR department_code = :department)
			   AND (CAST(:status AS varchar) IS NULL OR status = :status)
			""";

	@Query("SELECT * FROM supervision_order" + FILTERS + " ORDER BY issued_at DESC, id LIMIT :limit OFFSET :offset")
	List<SupervisionOrder> find(@Param("caseId") UUID caseId, @Param("department") String department,
			@Param("status") String status, @Param("limit") int limit, @Param("offset") long offset);

	@Query("SELECT count(*) FROM supervision_order" + FILTERS)
	long count(@Param("caseId") UUID caseId, @Param("department") String department, @Param("status") String status);

}
