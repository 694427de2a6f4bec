package io.casegrid.config;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

import io.casegrid.CasegridClient;
import io.casegrid.DemoCounty;
import io.casegrid.DemoUsers;
import io.casegrid.HttpTest;
import io.casegrid.client.model.OrgLevel;
import io.casegrid.client.model.OrgUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database is durable and pooled; the contract, Swagger UI and the org tree are served. */
@HttpTest
class PlatformHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void embeddedPostgresIsDurableAndReachedThroughHikari() {
		assertThat(dataSource).isInstanceOf(HikariDataSource.class);
		assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("SHOW full_page_writes").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("SELECT current_setting('server_version_num')::int / 10000").query(Integer.class).single())
			.isEqualTo(17);
	}

	/** The test configuration asks for work_mem 8MB and for fsync and synchronous_commit off. */
	@Test
	void furtherServerSettingsApplyButDurabilityStaysOn() {
		assertThat(jdbc.sql("SHOW work_mem").query(String.class).single()).isEqualTo("8MB");
		assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
	}

	/** A crashed node's acquired jobs (cases just taken in, due timers) go to the others after a minute, not five. */
	@Test
	void jobsOfACrashedNodeAreFreedWithinAMinute(@Autowired ProcessEngine engine) {
		var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		assertThat(configuration.getJobExecutor().getLockTimeInMillis()).isEqualTo(60_000);
	}

	@Test
	void contractAndSwaggerUiAreServedWithoutSignIn() throws Exception {
		CasegridClient client = CasegridClient.anonymous(port);
		var spec = client.get("/openapi/casegrid.yaml");
		assertThat(spec.statusCode()).isEqualTo(200);
		assertThat(spec.body()).contains("operationId: reportCase");
		var ui = client.get("/swagger-ui/index.html");
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(client.get("/v3/api-docs/swagger-config").body()).contains("/openapi/casegrid.yaml");
	}

	@Test
	void orgTreeHasTheDemoCounty() throws Exception {
		CasegridClient client = new CasegridClient(port, DemoUsers.GRID_WORKER_DONGGUAN_1);
		var units = client.org.listOrgUnits(null, null);
		assertThat(units.get(0).getLevel()).isEqualTo(OrgLevel.COUNTY);
		assertThat(units).filteredOn(u -> u.getLevel() == OrgLevel.TOWNSHIP).hasSizeGreaterThanOrEqualTo(2);
		assertThat(units).filteredOn(u -> u.getLevel() == OrgLevel.VILLAGE).hasSizeGreaterThanOrEqualTo(4);
		assertThat(units).filteredOn(u -> u.getLevel() == OrgLevel.GRID).hasSizeGreaterThanOrEqualTo(8);
		assertThat(client.org.listOrgUnits(DemoCounty.VILLAGE_DONGGUAN, null)).extracting(OrgUnit::getCode)
			.containsExactly(DemoCounty.GRID_DONGGUAN_1, "149901001001002");
		assertThat(client.org.getOrgUnit(DemoCounty.GRID_HEXI_1).getParentCode()).isEqualTo("149901102201");
		assertThat(CasegridClient.statusOf(() -> client.org.getOrgUnit("nope"))).isEqualTo(404);
	}

}
