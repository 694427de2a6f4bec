package io.casegrid.deployment;

import java.time.ZoneOffset;

import io.casegrid.api.ProcessesApi;
import io.casegrid.api.model.DeployedProcess;
import io.casegrid.api.model.DeployedProcessPage;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeployedProcessesController implements ProcessesApi {

	private final DeployedProcesses processes;

	DeployedProcessesController(DeployedProcesses processes) {
		this.processes = processes;
	}

	@Override
	public ResponseEntity<DeployedProcessPage> listDeployedProcesses(Integer page, Integer size) {
		DeployedProcesses.Page found = processes.find(page, size);
		return ResponseEntity.ok(new DeployedProcessPage(found.items().stream().map(this::view).toList(), page, size,
				found.total()));
	}

	private DeployedProcess view(DeployedProcesses.DeployedProcess p) {
		return new DeployedProcess(p.id(), p.key(), p.version(), p.deploymentId(), p.resource(), p.runningInstances())
			.name(p.name())
			.versionTag(p.versionTag())
			.deployedAt(p.deployedAt() == null ? null : p.deployedAt().atOffset(ZoneOffset.UTC))
			.suspended(p.suspended());
	}

}
