package io.casegrid.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.casegrid.EngineTestSupport;
import io.casegrid.QueryPlans;

import org.springframework.beans.factory.annotation.Autowired;

/** 案卷建立's dedupe hint reads the open look-alikes at the case's place from their index (V29). */
class CaseFileIndexesTests extends EngineTestSupport {

	@Autowired
	DataSource dataSource;

	@Test
	void theLookAlikesOfANewCaseAreReadByPlaceAndCategoryFromTheOpenCasesIndex() throws Exception {
		assertThat(QueryPlans.plan(dataSource, """
				SELECT case_number FROM case_file
				 WHERE category_code = 'GARBAGE' AND unit_code = '149901001001001'
				   AND id <> '00000000-0000-0000-0000-000000000000'
				   AND step <> 'ARCHIVED' AND reported_at >= now() - interval '7 days'
				 ORDER BY reported_at DESC LIMIT 10""")).contains("case_file_lookalikes_idx");
	}

}
