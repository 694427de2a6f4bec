package io.casegrid.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API leaves as RFC 9457 problem+json with a stable {@link ProblemType}; validation problems
 * name each offending field in {@code errors}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<Object> invalid(InvalidRequestException ex) {
		return validation(ex.getMessage(), ex.errors(), ex.errorCount());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Object> notFound(NotFoundException ex) {
		return problem(ProblemType.NOT_FOUND, HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<Object> forbidden(ForbiddenException ex) {
		ResponseEntity<Object> response = problem(ProblemType.FORBIDDEN, HttpStatus.FORBIDDEN, ex.getMessage());
		if (!ex.errors().isEmpty()) {
			((ProblemDetail) response.getBody()).setProperty("errors", ex.errors());
		}
		return response;
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Object> conflict(ConflictException ex) {
		return problem(ProblemType.CONFLICT, HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler({ OptimisticLockingException.class, OptimisticLockingFailureException.class })
	ResponseEntity<Object> concurrentChange(Exception ex) {
		return problem(ProblemType.CONFLICT, HttpStatus.CONFLICT,
				"Someone else changed this at the same moment; reload and try again");
	}

	@ExceptionHandler(IdempotencyKeyReusedException.class)
	ResponseEntity<Object> keyReused(IdempotencyKeyReusedException ex) {
		return problem(ProblemType.IDEMPOTENCY_KEY_REUSE, HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, CannotCreateTransactionException.class })
	ResponseEntity<Object> unavailable(RuntimeException ex) {
		log.warn("Database unavailable: {}", ex.getMessage());
		return problem(ProblemType.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
				"The database is not reachable right now; nothing was changed. Retry later.");
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return validation("Invalid request parameters", errors);
	}

	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> rejected(RequestRejectedException ex) {
		// the firewall checks header values only when they are read, which is after it let the request in
		return validation("The request was refused: " + ex.getMessage(), List.of());
	}

	@ExceptionHandler(FileTooLargeException.class)
	ResponseEntity<Object> fileTooLarge(FileTooLargeException ex) {
		return problem(ProblemType.TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
			org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// Tomcat's multipart parser stopped at RequestLimits.maxUpload (a file) or maxUploadBody (the whole body)
		return problem(ProblemType.TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE,
				"The uploaded file or request is larger than allowed"
						+ (ex.getMaxUploadSize() > 0 ? " (" + ex.getMaxUploadSize() / 1024 + " KB)" : ""));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(
			org.springframework.web.multipart.support.MissingServletRequestPartException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return validation("A part of the multipart body is missing",
				List.of(new FieldError(ex.getRequestPartName(), "is required")));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> notMultipart(MultipartException ex) {
		// a multipart Content-Type makes the dispatcher parse the body before any handler is chosen
		return validation("The request body is not valid multipart/form-data, and no operation takes it",
				List.of(new FieldError("Content-Type", "is not supported here")));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		if (causedByLostConnection(ex)) {
			// the engine wraps a lost database connection in its own exceptions
			return unavailable(new TransientDataAccessResourceException(ex.getMessage(), ex));
		}
		if (causedByConcurrentChange(ex)) {
			// the engine wraps what its listeners throw: a lost update under a task listener is still a conflict
			return concurrentChange(ex);
		}
		java.sql.SQLException badData = badDataCause(ex);
		if (badData != null) {
			// a value the database cannot take (a NUL character, a number or date out of its range) came with the
			// request: its transaction is rolled back, and the client has to send something else
			log.warn("Request value refused by the database: {}", badData.getMessage());
			return validation("A value of the request cannot be stored or compared: " + firstLine(badData.getMessage()),
					List.of());
		}
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected error, incident {}", incident, ex);
		ResponseEntity<Object> response = problem(ProblemType.INTERNAL, HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred; quote incident " + incident);
		((ProblemDetail) response.getBody()).setInstance(java.net.URI.create("urn:uuid:" + incident));
		return response;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
		return validation("The request body is invalid", errors);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = parameterName(result.getMethodParameter());
			result.getResolvableErrors().forEach(e -> errors.add(new FieldError(name, e.getDefaultMessage())));
		});
		return validation("Invalid request parameters", errors);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
		return validation("Invalid request parameters",
				List.of(new FieldError(name, "is not a valid value: " + ex.getValue())));
	}

	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(
			org.springframework.web.bind.ServletRequestBindingException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return validation("A header is missing", List.of(new FieldError(missing.getHeaderName(), "is required")));
		}
		return validation(ex.getMessage(), List.of());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
				ProblemDetail problem = RequestBodyLimit.tooLarge(tooLarge.maxBody);
				return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
					.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			}
		}
		Throwable cause = jsonCause(ex);
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return validation("The request body has a field the contract does not know",
					List.of(new FieldError(JsonPaths.of(unknown.getPath()), "is not a known field")));
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			return validation("The request body is invalid",
					List.of(new FieldError(JsonPaths.of(mapping.getPath()), JsonPaths.reason(mapping))));
		}
		if (cause instanceof JsonProcessingException parsing) {
			return validation("The request body is not valid JSON",
					List.of(new FieldError("body", parsing.getOriginalMessage())));
		}
		return validation("The request body is missing or unreadable",
				List.of(new FieldError("body", "is missing or unreadable")));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response == null || !(response.getBody() instanceof ProblemDetail problem)) {
			return response;
		}
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			// a 404 for an unknown path is not-found, a 405 or 415 a validation problem: the type of its status
			ProblemType type = ProblemType.forStatus(statusCode.value());
			problem.setType(type.uri());
			problem.setTitle(type.title());
		}
		// problem+json whatever the Accept header asked for: a 406 must still say what went wrong
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.addAll(response.getHeaders());
		problemHeaders.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, problemHeaders, response.getStatusCode());
	}

	private static boolean causedByLostConnection(Throwable ex) {
		if (ex instanceof org.springframework.transaction.TransactionSystemException tse
				&& tse.getApplicationException() != null && causedByLostConnection(tse.getApplicationException())) {
			// a connection lost mid-request also fails the rollback, which then hides the original failure
			return true;
		}
		if (ex instanceof org.springframework.transaction.TransactionSystemException
				&& ex.getCause() instanceof java.sql.SQLException) {
			// a commit or rollback that failed on the JDBC connection with nothing the translator could classify: the
			// pool had already closed the broken connection ("Connection is closed", no SQLSTATE), e.g. when the
			// commit itself was cut off by the server shutting down
			return true;
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException) {
				return true;
			}
			if (t instanceof java.sql.SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
					|| t instanceof java.sql.SQLException sql && isConnectionLoss(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static boolean causedByConcurrentChange(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof OptimisticLockingException || t instanceof OptimisticLockingFailureException) {
				return true;
			}
		}
		return false;
	}

	/** The SQL exception of class 22 (data exception) that caused this, if any. */
	private static java.sql.SQLException badDataCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return sql;
			}
		}
		return null;
	}

	private static String firstLine(String message) {
		return message == null ? "" : message.lines().findFirst().orElse("");
	}

	/**
	 * 08xxx: the connection failed or broke; 57P01-57P03: the server is shutting down or starting (pg_ctl stop, a
	 * failover), which ends the connections of requests in flight mid-transaction.
	 */
	private static boolean isConnectionLoss(String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
	}

	/** The outermost Jackson exception in the chain: it carries the path to the offending field. */
	private static Throwable jsonCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JsonProcessingException) {
				return t;
			}
		}
		return ex;
	}

	private static ResponseEntity<Object> validation(String detail, List<FieldError> errors) {
		return validation(detail, errors, errors.size());
	}

	/** At most {@link FieldErrors#REPORTED} errors, and how many there were when more. */
	private static ResponseEntity<Object> validation(String detail, List<FieldError> errors, int errorCount) {
		ResponseEntity<Object> response = problem(ProblemType.VALIDATION, HttpStatus.BAD_REQUEST, detail);
		ProblemDetail problem = (ProblemDetail) response.getBody();
		problem.setProperty("errors", FieldErrors.reported(errors));
		if (errorCount > FieldErrors.REPORTED) {
			problem.setProperty("errorCount", errorCount);
		}
		return response;
	}

	private static ResponseEntity<Object> problem(ProblemType type, HttpStatus status, String detail) {
		ProblemDetail problem = type.problem(status, detail);
		return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static String parameterName(org.springframework.core.MethodParameter parameter) {
		var header = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
		if (header != null) {
			return header.value();
		}
		var param = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
		if (param != null) {
			return param.value();
		}
		var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
		if (path != null) {
			return path.value();
		}
		return parameter.getParameterName();
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

}
