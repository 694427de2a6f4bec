package io.casegrid.deployment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface ProcessMigrationRepository extends CrudRepository<ProcessMigration, UUID> {

	@Query("SELECT * FROM process_migration WHERE process_key = :processKey ORDER BY requested_at DESC, id")
	List<ProcessMigration> findByProcessKey(@Param("processKey") String processKey);

	/** The latest migration into a process version: whose plan an instance that arrives there followed. */
	@Query("""
			SELECT * FROM process_migration
			 WHERE target_definition_id = :targetDefinitionId
			 ORDER BY requested_at DESC, id
			 LIMIT 1
			""")
	Optional<ProcessMigration> findLatestInto(@Param("targetDefinitionId") String targetDefinitionId);

}
