package io.casegrid.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The ceiling casegrid is measured against: a process with one user task, started and completed through the engine's
 * Java API in the service's own JVM and database, with the same engine settings (history FULL). Whatever casegrid
 * does per case on top of this (its case file, timeline, SLA clocks, call activities) shows as the distance to it.
 */
@Component
@Profile("bench")
class RawEngineAnchor {

	static final String PROCESS_KEY = "BenchRawOneTask";

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final StatementCounter statements;

	RawEngineAnchor(RepositoryService repository, RuntimeService runtime, TaskService tasks,
			StatementCounter statements) {
		this.repository = repository;
		this.runtime = runtime;
		this.tasks = tasks;
		this.statements = statements;
	}

	Map<String, Object> run(int threads, int instances) throws Exception {
		deploy();
		// warm-up: JIT, caches, connection pool
		timed(threads, 200, i -> runtime.startProcessInstanceByKey(PROCESS_KEY, "warm-" + i));
		completeAll("warm-");
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("threads", threads);
		result.put("instances", instances);
		double startSeconds = timed(threads, instances,
				i -> runtime.startProcessInstanceByKey(PROCESS_KEY, "raw-" + i));
		result.put("startsPerSecond", Math.round(instances / startSeconds * 10) / 10.0);
		List<String> ids = taskIds("raw-");
		double completeSeconds = timed(threads, ids.size(), i -> tasks.complete(ids.get(i)));
		result.put("completionsPerSecond", Math.round(ids.size() / completeSeconds * 10) / 10.0);
		result.put("statementsPerStart", statements.perOperation(50,
				i -> runtime.startProcessInstanceByKey(PROCESS_KEY, "count-" + i)));
		List<String> counted = taskIds("count-");
		result.put("statementsPerCompletion", statements.perOperation(counted.size(),
				i -> tasks.complete(counted.get(i))));
		return result;
	}

	private void deploy() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY)
			.name("基准：单个人工任务")
			.camundaHistoryTimeToLive(1)
			.startEvent("StartEvent_Bench")
			.sequenceFlowId("Flow_ToTask")
			.userTask("Task_Bench")
			.name("办理")
			.camundaCandidateGroups("bench")
			// the deployment check wants a deployed Camunda Form on every user task; the form is never opened here
			.camundaFormRef("Form_HandleAtLevel")
			.camundaFormRefBinding("latest")
			.sequenceFlowId("Flow_ToEnd")
			.endEvent("EndEvent_Bench")
			.done();
		repository.createDeployment()
			.name("bench-raw-engine")
			.enableDuplicateFiltering(true)
			.addModelInstance("bench-raw-one-task.bpmn", model)
			.deploy();
	}

	private List<String> taskIds(String businessKeyPrefix) {
		List<String> ids = new ArrayList<>();
		tasks.createTaskQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKeyLike(businessKeyPrefix + "%")
			.list()
			.forEach(task -> ids.add(task.getId()));
		return ids;
	}

	private void completeAll(String businessKeyPrefix) throws Exception {
		List<String> ids = taskIds(businessKeyPrefix);
		timed(2, ids.size(), i -> tasks.complete(ids.get(i)));
	}

	/** Runs {@code count} operations over {@code threads} threads; returns the seconds it took. */
	static double timed(int threads, int count, IntOperation operation) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long began = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					try {
						operation.run(i);
					}
					catch (Exception ex) {
						failures.add(ex);
					}
				}
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		pool.shutdown();
		if (!failures.isEmpty()) {
			throw new IllegalStateException(failures.size() + " operations failed", failures.peek());
		}
		return seconds;
	}

	@FunctionalInterface
	interface IntOperation {

		void run(int i) throws Exception;

	}

}
