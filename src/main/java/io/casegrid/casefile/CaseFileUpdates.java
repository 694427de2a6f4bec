package io.casegrid.casefile;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case file's hot writes as targeted SQL: a step change updates the columns it moved and the version, nothing
 * else (no rewrite of the whole row through the aggregate mapping).
 */
@Repository
class CaseFileUpdates {

	private final JdbcClient jdbc;

	CaseFileUpdates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes {@code changed} (column → value, columns from {@link CaseFile#changeableColumns()}) if the row is still at
	 * the version the file was read at; else someone changed the case meanwhile and the write is refused as the
	 * aggregate's save refused it (409 over HTTP, a retried job in the engine).
	 */
	void write(CaseFile file, Map<String, Object> changed) {
		String set = changed.keySet().stream().map(column -> column + " = :" + column).collect(Collectors.joining(", "));
		int rows = jdbc.sql("UPDATE case_file SET " + set + ", version = version + 1 WHERE id = :id AND version = :version")
			.params(changed)
			.param("id", file.id())
			.param("version", file.version())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException(
					"Case " + file.id() + " changed since it was read at version " + file.version());
		}
		file.written();
	}

}
