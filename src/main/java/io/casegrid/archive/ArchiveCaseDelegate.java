package io.casegrid.archive;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.casegrid.casefile.CaseFiles;
import io.casegrid.casefile.TimeSource;
import io.casegrid.casefile.TimelineNote;
import io.casegrid.events.EventType;
import io.casegrid.process.ProcessVariables;
import io.casegrid.security.Actor;

import org.springframework.stereotype.Component;

/** ⑥ 结案归档: closes the case file; from here on it is the permanent record. In: caseId. */
@Component("archiveCase")
class ArchiveCaseDelegate implements JavaDelegate {

	private final CaseFiles files;

	private final TimeSource time;

	ArchiveCaseDelegate(CaseFiles files, TimeSource time) {
		this.files = files;
		this.time = time;
	}

	@Override
	public void execute(DelegateExecution execution) {
		var caseId = ProcessVariables.caseId(execution);
		boolean valid = files.get(caseId).valid();
		files.change(caseId, Actor.SYSTEM.id(),
				TimelineNote.of("ARCHIVED", valid ? "结案归档" : "无效诉求归档", Map.of("valid", Boolean.toString(valid)))
					.announcing(EventType.CASE_ARCHIVED),
				f -> f.archive(time.now()));
	}

}
