package io.casegrid.org;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface OrgUnitRepository extends ListCrudRepository<OrgUnit, String> {

	/** The unit and all its ancestors, nearest first. */
	@Query("""
			WITH RECURSIVE chain AS (
			    SELECT u.*, 0 AS depth FROM org_unit u WHERE u.code = :code
			    UNION ALL
			    SELECT p.*, c.depth + 1 FROM org_unit p JOIN chain c ON p.code = c.parent_code
			)
			SELECT code, name, level, parent_code, sort_order, kind, latitude, longitude FROM chain ORDER BY depth
			""")
	List<OrgUnit> findChain(@Param("code") String code);

	/** The whole tree in depth-first order (each parent before its children, siblings by sort order). */
	@Query("""
			WITH RECURSIVE tree AS (
			    SELECT u.*, ARRAY[u.sort_order, 0] AS path FROM org_unit u WHERE u.parent_code IS NULL
			    UNION ALL
			    SELECT c.*, t.path || c.sort_order FROM org_unit c JOIN tree t ON c.parent_code = t.code
			)
			SELECT code, name, level, parent_code, sort_order, kind, latitude, longitude FROM tree ORDER BY path, code
			""")
	List<OrgUnit> findTree();

	/** The parents of these units (units without a parent, and unknown codes, give nothing). */
	@Query("SELECT DISTINCT parent_code FROM org_unit WHERE code IN (:codes) AND parent_code IS NOT NULL")
	List<String> findParentCodes(@Param("codes") Collection<String> codes);

	/** The departments of this kind directly under the county, by sort order. */
	@Query("""
			SELECT * FROM org_unit
			 WHERE parent_code = :county AND level = 'DEPARTMENT' AND kind = :kind
			 ORDER BY sort_order, code
			""")
	List<OrgUnit> findDepartmentsOfKind(@Param("county") String countyCode, @Param("kind") String kind);

}
