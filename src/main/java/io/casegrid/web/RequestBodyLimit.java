package io.casegrid.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request body above {@link RequestLimits#maxBody()} with 413 problem+json, before authentication and
 * before anything parses it: by its {@code Content-Length} at once, and a chunked one (no length) as soon as it has
 * read past the limit ({@link ApiExceptionHandler} answers the {@link BodyTooLarge} that then ends the parsing). A
 * multipart upload of a file to a case has the larger {@link RequestLimits#maxUploadBody()}; Tomcat's multipart parser
 * reads past this filter's stream, so a chunked upload is bounded by the multipart limits ({@link MultipartLimits}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

	/** {@code POST /api/v1/cases/{caseId}/attachments}. */
	private static final java.util.regex.Pattern UPLOAD = java.util.regex.Pattern
		.compile("/api/v1/cases/[^/]+/attachments/?");

	private final long maxBody;

	private final long maxUploadBody;

	private final ObjectMapper json;

	RequestBodyLimit(RequestLimits limits, ObjectMapper json) {
		this.maxBody = limits.maxBody().toBytes();
		this.maxUploadBody = limits.maxUploadBody();
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long maxBody = isUpload(request) ? maxUploadBody : this.maxBody;
		if (request.getContentLengthLong() > maxBody) {
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), tooLarge(maxBody));
			return;
		}
		chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBody) : request, response);
	}

	private static boolean isUpload(HttpServletRequest request) {
		String type = request.getContentType();
		return "POST".equals(request.getMethod()) && type != null
				&& type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
				&& UPLOAD.matcher(request.getRequestURI()).matches();
	}

	static org.springframework.http.ProblemDetail tooLarge(long maxBody) {
		return ProblemType.TOO_LARGE.problem(HttpStatus.PAYLOAD_TOO_LARGE,
				"The request body is larger than " + maxBody / 1024 + " KB");
	}

	/** Thrown by a chunked body's stream once it has given more than the limit. */
	static final class BodyTooLarge extends IOException {

		final long maxBody;

		BodyTooLarge(long maxBody) {
			super("request body larger than " + maxBody + " bytes");
			this.maxBody = maxBody;
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBody;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long maxBody) {
			super(request);
			this.maxBody = maxBody;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), maxBody);
			}
			return stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBody;

		private long read;

		CountingStream(ServletInputStream in, long maxBody) {
			this.in = in;
			this.maxBody = maxBody;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLarge {
			read += n;
			if (read > maxBody) {
				throw new BodyTooLarge(maxBody);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
