package io.casegrid.deployment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.Deployment;

import org.springframework.stereotype.Service;

/**
 * The deployed process definitions, every version, with the number of process instances running on each: what a
 * designer looks at before migrating cases off an old version. One statistics query of the engine gives the
 * definitions and their counts; definitions are few (one per deployed version), so they are ordered and paged here,
 * by key and then newest version first, which the engine's statistics query cannot order by.
 */
@Service
public class DeployedProcesses {

	private final ManagementService management;

	private final RepositoryService repository;

	DeployedProcesses(ManagementService management, RepositoryService repository) {
		this.management = management;
		this.repository = repository;
	}

	/** One deployed version of a process and how many instances run on it. */
	public record DeployedProcess(String id, String key, String name, int version, String versionTag,
			String deploymentId, Instant deployedAt, String resource, boolean suspended, long runningInstances) {
	}

	public record Page(List<DeployedProcess> items, long total) {
	}

	public Page find(int page, int size) {
		List<ProcessDefinitionStatistics> all = management.createProcessDefinitionStatisticsQuery()
			.list()
			.stream()
			.sorted(Comparator.comparing(ProcessDefinitionStatistics::getKey)
				.thenComparing(Comparator.comparingInt(ProcessDefinitionStatistics::getVersion).reversed()))
			.toList();
		List<ProcessDefinitionStatistics> onPage = all.stream().skip((long) page * size).limit(size).toList();
		Map<String, Instant> deployedAt = deploymentTimes(
				onPage.stream().map(ProcessDefinitionStatistics::getDeploymentId).distinct().toList());
		return new Page(onPage.stream()
			.map(d -> new DeployedProcess(d.getId(), d.getKey(), d.getName(), d.getVersion(), d.getVersionTag(),
					d.getDeploymentId(), deployedAt.get(d.getDeploymentId()), d.getResourceName(), d.isSuspended(),
					d.getInstances()))
			.toList(), all.size());
	}

	private Map<String, Instant> deploymentTimes(List<String> deploymentIds) {
		return deploymentIds.stream()
			.map(id -> repository.createDeploymentQuery().deploymentId(id).singleResult())
			.filter(deployment -> deployment != null && deployment.getDeploymentTime() != null)
			.collect(Collectors.toMap(Deployment::getId, deployment -> deployment.getDeploymentTime().toInstant(),
					(a, b) -> a));
	}

}
