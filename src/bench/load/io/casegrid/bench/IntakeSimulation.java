package io.casegrid.bench;

import java.util.UUID;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The 12345 hotline reporting cases: {@code POST /api/v1/cases}, each with its own Idempotency-Key. Either a closed
 * model ({@code bench.users} concurrent clients, each sending its next report as soon as the last one is answered),
 * or an open model ({@code bench.rate} reports per second whatever the answers take).
 */
public class IntakeSimulation extends Simulation {

	static final String REQUEST = "POST /api/v1/cases";

	{
		HttpProtocolBuilder protocol = BenchSettings.protocol();
		ScenarioBuilder hotline = scenario("12345 热线上报").exec(http(REQUEST).post("/api/v1/cases")
			.header("Authorization", session -> "Bearer " + Tokens.of(Tokens.HOTLINE))
			.header("Idempotency-Key", session -> UUID.randomUUID().toString())
			.body(StringBody(session -> Reports.next()))
			.check(status().is(201), header("Location").exists()));
		double rate = Double.parseDouble(System.getProperty("bench.rate", "0"));
		PopulationBuilder population = rate > 0
				? hotline.injectOpen(constantUsersPerSec(rate).during(BenchSettings.seconds()))
				: hotline.injectClosed(constantConcurrentUsers(BenchSettings.users()).during(BenchSettings.seconds()));
		setUp(population).protocols(protocol).assertions(BenchSettings.measured());
	}

}
