package io.casegrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CasegridApplication {

	public static void main(String[] args) {
		SpringApplication.run(CasegridApplication.class, args);
	}

}
