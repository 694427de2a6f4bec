package io.casegrid.webapps;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.casegrid.security.WebappActors;
import io.casegrid.worklist.CaseActions;
import io.casegrid.worklist.WorkItems;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TasklistConfiguration {

	/** After Spring Security and Camunda's webapp authentication (order 0), before the engine API's resources. */
	@Bean
	FilterRegistrationBean<TasklistScope> tasklistScope(WebappActors actors, WorkItems workItems, CaseActions actions,
			ObjectMapper json) {
		var registration = new FilterRegistrationBean<>(new TasklistScope(actors, workItems, actions, json));
		registration.setName("casegrid-tasklist-scope");
		registration.addUrlPatterns("/camunda/api/engine/*");
		registration.setOrder(1);
		return registration;
	}

}
