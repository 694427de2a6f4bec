package io.casegrid.attachment;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the service takes as an attachment, recognised by the first bytes of the content (its "magic number"), never
 * by the declared Content-Type or the file name: JPEG and PNG photos (they get a thumbnail) and PDF documents.
 */
enum FileKind {

	JPEG("image/jpeg", true, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
	PNG("image/png", true, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }),
	PDF("application/pdf", false, new byte[] { '%', 'P', 'D', 'F', '-' });

	private final String mediaType;

	private final boolean image;

	private final byte[] magic;

	FileKind(String mediaType, boolean image, byte[] magic) {
		this.mediaType = mediaType;
		this.image = image;
		this.magic = magic;
	}

	String mediaType() {
		return mediaType;
	}

	boolean isImage() {
		return image;
	}

	static Optional<FileKind> of(byte[] content) {
		return Arrays.stream(values())
			.filter(kind -> content.length >= kind.magic.length
					&& Arrays.equals(content, 0, kind.magic.length, kind.magic, 0, kind.magic.length))
			.findFirst();
	}

}
