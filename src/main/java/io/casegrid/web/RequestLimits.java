package io.casegrid.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what one API request may make the service read.
 *
 * @param maxBody the largest request body of {@code /api/**}: every body the contract allows fits well within the
 * default 256 KB (at most 20 outcome fields of 4,000 characters); a larger one is refused with 413 before it is read
 * @param maxUpload the largest file of an upload ({@code POST /api/v1/cases/{id}/attachments}, multipart): 10 MB by
 * default, a phone photo at full resolution; the upload's whole body may exceed it by {@link #MULTIPART_OVERHEAD}
 */
@ConfigurationProperties("casegrid.requests")
public record RequestLimits(@DefaultValue("256KB") DataSize maxBody, @DefaultValue("10MB") DataSize maxUpload) {

	/** What a multipart body may add to its file: boundaries, part headers and the small text parts. */
	public static final DataSize MULTIPART_OVERHEAD = DataSize.ofKilobytes(64);

	/** The largest body of an upload request. */
	public long maxUploadBody() {
		return maxUpload.toBytes() + MULTIPART_OVERHEAD.toBytes();
	}

}
