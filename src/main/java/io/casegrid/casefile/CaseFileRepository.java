package io.casegrid.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface CaseFileRepository extends CrudRepository<CaseFile, UUID> {

	/** Open cases of the same category at the same place since a given time: the dedupe hint of 案卷建立. */
	@Query("""
			SELECT case_number FROM case_file
			 WHERE category_code = :category AND unit_code = :unitCode AND id <> :caseId
			   AND step <> 'ARCHIVED' AND reported_at >= :since
			 ORDER BY reported_at DESC LIMIT 10
			""")
	List<String> findOpenLookalikes(@Param("caseId") UUID caseId, @Param("category") String category,
			@Param("unitCode") String unitCode, @Param("since") Instant since);

}
