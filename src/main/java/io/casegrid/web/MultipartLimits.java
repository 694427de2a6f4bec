package io.casegrid.web;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's multipart limits, from {@link RequestLimits}: a file part above
 * {@link RequestLimits#maxUpload()} or a whole body above {@link RequestLimits#maxUploadBody()} ends the parsing
 * (413, {@link ApiExceptionHandler}); parts go to temporary files, never whole into memory.
 */
@Configuration(proxyBeanMethods = false)
class MultipartLimits {

	@Bean
	MultipartConfigElement multipartConfig(RequestLimits limits) {
		MultipartConfigFactory factory = new MultipartConfigFactory();
		factory.setMaxFileSize(limits.maxUpload());
		factory.setMaxRequestSize(DataSize.ofBytes(limits.maxUploadBody()));
		factory.setFileSizeThreshold(DataSize.ofKilobytes(64));
		return factory.createMultipartConfig();
	}

}
