package io.casegrid.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@code null} inside a list or map of a request body ({@code "attachments": [null]}, {@code "fields": {"a": null}})
 * is refused while reading it, as a 400 naming the element: no item of the contract may be null, and bean validation
 * does not look at null elements, so they used to reach the services and fail there with a 500.
 */
@Configuration(proxyBeanMethods = false)
class RequestJson {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer nullElementsRefused() {
		return builder -> builder.postConfigurer(mapper -> {
			mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
			mapper.configOverride(Map.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
		});
	}

}
