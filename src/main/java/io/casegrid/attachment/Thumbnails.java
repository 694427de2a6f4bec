package io.casegrid.attachment;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A JPEG thumbnail, at most {@link #EDGE} pixels on its longer side, of a JPEG or PNG photo. The image's size is read
 * from its header first, and a picture of more than {@link #MAX_PIXELS} pixels is refused before it is decoded (a small
 * file can claim a huge picture); a large one is decoded subsampled, so a 12-megapixel photo never sits whole in memory.
 */
final class Thumbnails {

	static final int EDGE = 320;

	static final long MAX_PIXELS = 100_000_000L;

	private Thumbnails() {
	}

	/** The thumbnail, or empty when the content is not a picture the JDK can decode. */
	static Optional<byte[]> of(byte[] image) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
					return Optional.empty();
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / (EDGE * 2));
				param.setSourceSubsampling(step, step, 0, 0);
				return Optional.of(jpeg(scaled(reader.read(0, param))));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			// a truncated or corrupt picture: the caller refuses the upload
			return Optional.empty();
		}
	}

	private static BufferedImage scaled(BufferedImage source) {
		double factor = Math.min(1.0, (double) EDGE / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
		int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			// a transparent PNG gets a white background, as JPEG has no alpha
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "jpeg", out)) {
			throw new IOException("no JPEG writer");
		}
		return out.toByteArray();
	}

}
