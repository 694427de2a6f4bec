package io.casegrid.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The people channels every test context sends to: one real SMTP server (GreenMail) and one SMS gateway (a local
 * HTTP server) for the whole test JVM, started before the first context and configured into it, so that the tests of
 * notifications share the one context all HTTP tests share (a second context would start a second Camunda engine in
 * the JVM, which the webapps of the first then find by its name). Tests tell their messages apart by recipient.
 */
public class TestChannels implements EnvironmentPostProcessor {

	static final GreenMail SMTP = startSmtp();

	static final SmsGateway SMS = startSmsGateway();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addFirst(new MapPropertySource("casegrid-test-channels",
					Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", SMTP.getSmtp().getPort(),
							"casegrid.notifications.sms.url", SMS.url(), "casegrid.notifications.sms.body",
							"{\"mobile\":\"{phone}\",\"content\":\"{text}\",\"sign\":\"云岭县\"}")));
	}

	/** On a port of its own choosing but fixed, so that a test can stop the server and start it again there. */
	private static GreenMail startSmtp() {
		GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
		return smtp;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SmsGateway startSmsGateway() {
		try {
			SmsGateway gateway = new SmsGateway();
			Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
			return gateway;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
