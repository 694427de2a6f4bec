package io.casegrid.reports;

/**
 * What costs points in the assessment (考核扣分), each occurrence traced to its case. Each lists the same rows a
 * figure counts (docs/reports.md): the late clocks of the on-time rates, the missed supervision orders, the 退单 kept
 * with the department by 确权 (推诿), the frivolous whistles (乱吹哨), the 重办 and the 不满意 evaluations — charged
 * to the unit that did it: a missed 督办 and a 推诿 to the department (never to the township where the case is), a
 * 乱吹哨 to the unit that blew the whistle (never to the department it called in).
 */
enum DeductionItem {

	LATE_ACCEPTANCE("""
			SELECT k.case_id, c.case_number, k.breached_at AS at FROM sla_clock k JOIN case_file c ON c.id = k.case_id
			 WHERE k.phase = 'ACCEPTANCE' AND k.breached_at >= :from AND k.breached_at < :to AND %s""", Scope.CLOCKS),
	LATE_HANDLING("""
			SELECT k.case_id, c.case_number, k.breached_at AS at FROM sla_clock k JOIN case_file c ON c.id = k.case_id
			 WHERE k.phase = 'HANDLING' AND k.breached_at >= :from AND k.breached_at < :to AND %s""", Scope.CLOCKS),
	MISSED_SUPERVISION("""
			SELECT o.case_id, c.case_number, o.missed_at AS at FROM supervision_order o JOIN case_file c ON c.id = o.case_id
			 WHERE o.issued_at >= :from AND o.issued_at < :to AND o.missed_at IS NOT NULL AND %s""", Scope.OWN_ORDERS),
	UNJUSTIFIED_RETURN("""
			SELECT e.case_id, c.case_number, e.occurred_at AS at FROM case_event e JOIN case_file c ON c.id = e.case_id
			 WHERE e.type = 'JURISDICTION_CONFIRMED' AND e.occurred_at >= :from AND e.occurred_at < :to
			   AND e.details ->> 'departmentCode' = e.details ->> 'returnedBy' AND %s""", Scope.OWN_RETURNS),
	FRIVOLOUS_WHISTLE("""
			SELECT w.case_id, c.case_number, w.blown_at AS at FROM whistle w JOIN case_file c ON c.id = w.case_id
			 WHERE w.blown_at >= :from AND w.blown_at < :to AND w.judgement = 'FRIVOLOUS' AND %s""", Scope.WHISTLES_BLOWN),
	REDO("""
			SELECT e.case_id, c.case_number, e.occurred_at AS at FROM case_event e JOIN case_file c ON c.id = e.case_id
			 WHERE e.type = 'REDO' AND e.occurred_at >= :from AND e.occurred_at < :to AND %s""", Scope.CASES),
	DISSATISFIED("""
			SELECT e.case_id, c.case_number, e.occurred_at AS at FROM case_event e JOIN case_file c ON c.id = e.case_id
			 WHERE e.type = 'EVALUATED' AND e.details ->> 'score' = 'DISSATISFIED'
			   AND e.occurred_at >= :from AND e.occurred_at < :to AND %s""", Scope.CASES);

	enum Scope {
		CASES, CLOCKS, OWN_ORDERS, OWN_RETURNS, WHISTLES_BLOWN
	}

	private final String sql;

	private final Scope scope;

	DeductionItem(String sql, Scope scope) {
		this.sql = sql;
		this.scope = scope;
	}

	String sql(UnitFilter filter) {
		String condition = switch (scope) {
			case CASES -> filter.cases();
			case CLOCKS -> filter.clocks();
			case OWN_ORDERS -> filter.departmentOnly(filter.orders());
			case OWN_RETURNS -> filter.departmentOnly(filter.jurisdiction());
			case WHISTLES_BLOWN -> UnitFilter.WHISTLES_BLOWN;
		};
		return sql.formatted(condition) + " ORDER BY 3, 2";
	}

}
