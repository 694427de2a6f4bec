package io.casegrid.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.casegrid.CasegridApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database the engine created at level FULL (every release before {@link CountyHistoryLevel}) starts at the county
 * level: the service runs the migration {@code V25} before it builds the engine, and the history written at FULL stays.
 */
class CountyHistoryLevelUpgradeTests {

	@TempDir
	Path dataDir;

	@Test
	void serviceStartsOnADatabaseCreatedAtFullAtTheCountyLevel() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).start()) {
			DataSource dataSource = postgres.getPostgresDatabase();
			migrate(dataSource, "24");
			ProcessEngine full = engine(dataSource, ProcessEngineConfiguration.HISTORY_FULL);
			String instanceId;
			try {
				full.getRepositoryService()
					.createDeployment()
					.addModelInstance("upgrade.bpmn", Bpmn.createExecutableProcess("Upgrade")
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.userTask()
						.endEvent()
						.done())
					.deploy();
				instanceId = full.getRuntimeService().startProcessInstanceByKey("Upgrade").getId();
			}
			finally {
				full.close();
			}
			assertThatThrownBy(() -> engine(dataSource, CountyHistoryLevel.NAME).close())
				.as("before the migration the engine refuses the database's level")
				.isInstanceOf(ProcessEngineException.class)
				.hasMessageContaining("historyLevel mismatch");

			String url = postgres.getJdbcUrl("postgres", "postgres");
			try (var service = new SpringApplicationBuilder(CasegridApplication.class).run("--server.port=0",
					"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--camunda.bpm.process-engine-name=historyLevelUpgradeTest", "--camunda.bpm.webapp.enabled=false",
					"--camunda.bpm.job-execution.enabled=false", "--spring.jmx.enabled=false")) {
				ProcessEngine county = service.getBean(ProcessEngine.class);
				assertThat(((ProcessEngineConfigurationImpl) county.getProcessEngineConfiguration()).getHistoryLevel()
					.getName()).isEqualTo(CountyHistoryLevel.NAME);
				assertThat(JdbcClient.create(dataSource)
					.sql("SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'")
					.query(String.class)
					.single()).isEqualTo(Integer.toString(CountyHistoryLevel.ID));
				assertThat(county.getHistoryService()
					.createHistoricProcessInstanceQuery()
					.processInstanceId(instanceId)
					.count()).as("the history written at FULL is kept").isEqualTo(1);
			}
		}
	}

	/** The product's migrations (demo mode) up to {@code target}, into the product's Flyway table: a database as a release before V25 left it. */
	private static void migrate(DataSource dataSource, String target) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/demo")
			.table("casegrid_schema_history")
			.target(target)
			.load()
			.migrate();
	}

	private static ProcessEngine engine(DataSource dataSource, String historyLevel) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setDataSource(dataSource);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(historyLevel);
		configuration.setProcessEngineName("historyLevelUpgrade");
		configuration.setJobExecutorActivate(false);
		configuration.setMetricsEnabled(false);
		configuration.getProcessEnginePlugins().add(new CountyHistoryLevel(java.util.List.of(), false));
		return configuration.buildProcessEngine();
	}

}
