package io.casegrid.webapps;

import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

import org.springframework.stereotype.Component;

/**
 * Tasklist's filter for everyone, 我的待办: it asks for every task, and field staff get their worklist from it
 * ({@link TasklistScope} narrows it to what the API gives them). Created at start when missing, so a filter an
 * administrator changed or added in Tasklist is kept.
 */
@Component
class TasklistFilter extends AbstractProcessEnginePlugin {

	static final String NAME = "我的待办";

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		FilterService filters = engine.getFilterService();
		if (filters.createTaskFilterQuery().filterName(NAME).count() > 0) {
			return;
		}
		Filter filter = filters.newTaskFilter(NAME)
			.setQuery(engine.getTaskService().createTaskQuery())
			.setProperties(Map.of("description", "分给我和我所在单位的、我所在区域的待办任务", "priority", -10, "refresh",
					true, "color", "#c0392b"));
		filters.saveFilter(filter);
	}

}
