package io.casegrid.client.webhooks;

/** A webhook delivery that did not verify: answer it with an error status and do not act on its body. */
public class WebhookVerificationException extends Exception {

	private static final long serialVersionUID = 1L;

	public WebhookVerificationException(String message) {
		super(message);
	}

}
