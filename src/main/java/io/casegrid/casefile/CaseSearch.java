package io.casegrid.casefile;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists cases by filter, newest first, one page at a time. */
@Repository
public class CaseSearch {

	private final JdbcClient jdbc;

	CaseSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Page(List<CaseSummary> items, long total) {
	}

	/** The cases within the scope that match the filter. */
	public Page find(CaseFilter filter, CaseScope scope, int page, int size) {
		List<String> where = new ArrayList<>();
		var params = new java.util.HashMap<String, Object>();
		where.add(scope.sql(params));
		if (filter.step() != null) {
			where.add("step = :step");
			params.put("step", filter.step().name());
		}
		if (filter.channel() != null) {
			where.add("channel = :channel");
			params.put("channel", filter.channel().name());
		}
		if (filter.categoryCode() != null) {
			where.add("category_code = :category");
			params.put("category", filter.categoryCode());
		}
		if (filter.unitCode() != null) {
			where.add("""
					(:unit IN (case_file.unit_code, case_file.grid_code, case_file.village_code, case_file.township_code,
					           case_file.county_code)
					 OR case_file.handling_unit_code = :unit)""");
			params.put("unit", filter.unitCode());
		}
		if (filter.reportedFrom() != null) {
			where.add("reported_at >= :from");
			params.put("from", Timestamp.from(filter.reportedFrom()));
		}
		if (filter.reportedTo() != null) {
			where.add("reported_at < :to");
			params.put("to", Timestamp.from(filter.reportedTo()));
		}
		if (filter.updatedSince() != null) {
			where.add("""
					EXISTS (SELECT 1 FROM case_event changed
					         WHERE changed.case_id = case_file.id AND changed.occurred_at >= :updatedSince)""");
			params.put("updatedSince", Timestamp.from(filter.updatedSince()));
		}
		String condition = " WHERE " + String.join(" AND ", where);
		long total = jdbc.sql("SELECT count(*) FROM case_file" + condition).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<CaseSummary> items = jdbc.sql("""
				SELECT id, case_number, channel, category_code, title, step, unit_code, handling_unit_code, reported_at
				  FROM case_file""" + condition + " ORDER BY reported_at DESC, id LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, i) -> new CaseSummary(rs.getObject("id", UUID.class), rs.getString("case_number"),
					Channel.valueOf(rs.getString("channel")), rs.getString("category_code"), rs.getString("title"),
					CaseStep.valueOf(rs.getString("step")), rs.getString("unit_code"),
					rs.getString("handling_unit_code"), rs.getTimestamp("reported_at").toInstant()))
			.list();
		return new Page(items, total);
	}

}
