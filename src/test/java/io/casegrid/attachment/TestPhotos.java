package io.casegrid.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Real image files for upload tests, drawn with the JDK: a JPEG as a phone makes it, with an EXIF block saying when
 * (DateTimeOriginal, local time) and where (GPS) it was taken, a plain PNG, and a minimal PDF.
 */
final class TestPhotos {

	/** Where {@link #jpegWithExif()} says it was taken: 37.01° N, 112.72° E (东关社区). */
	static final double LATITUDE = 37.01;

	static final double LONGITUDE = 112.72;

	/** When it says it was taken, local time without an offset (as a phone writes it). */
	static final String TAKEN = "2026:11:28 09:15:00";

	private TestPhotos() {
	}

	static byte[] jpeg(int width, int height) {
		return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
	}

	static byte[] png(int width, int height) {
		return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
	}

	/** A 1600×1200 JPEG with EXIF capture time and GPS position (an APP1 segment right after the start of image). */
	static byte[] jpegWithExif() {
		byte[] plain = jpeg(1600, 1200);
		byte[] tiff = exifTiff();
		ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length).order(ByteOrder.BIG_ENDIAN);
		app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
		app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, 2);
		out.writeBytes(app1.array());
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	static byte[] pdf() {
		return """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
				3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""".getBytes(StandardCharsets.US_ASCII);
	}

	static java.io.File file(String name, byte[] content) {
		try {
			Path dir = Files.createTempDirectory("upload");
			Path file = dir.resolve(name);
			Files.write(file, content);
			file.toFile().deleteOnExit();
			dir.toFile().deleteOnExit();
			return file.toFile();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BufferedImage picture(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 120, 40));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLUE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		return image;
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A little-endian TIFF block: IFD0 pointing to an Exif IFD (DateTimeOriginal) and a GPS IFD (N/E and the degrees,
	 * minutes and seconds of {@link #LATITUDE} and {@link #LONGITUDE}).
	 */
	private static byte[] exifTiff() {
		ByteBuffer b = ByteBuffer.allocate(178).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		// IFD0 at 8: two entries, ends at 38
		b.putShort((short) 2);
		entry(b, 0x8769, 4, 1, 38); // Exif IFD pointer
		entry(b, 0x8825, 4, 1, 76); // GPS IFD pointer
		b.putInt(0);
		// Exif IFD at 38: one entry, its value at 56
		b.putShort((short) 1);
		entry(b, 0x9003, 2, 20, 56); // DateTimeOriginal, ASCII
		b.putInt(0);
		b.put((TAKEN + "\0").getBytes(StandardCharsets.US_ASCII));
		// GPS IFD at 76: four entries, values at 130 and 154
		b.putShort((short) 4);
		b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		entry(b, 0x0002, 5, 3, 130);
		b.putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
		entry(b, 0x0004, 5, 3, 154);
		b.putInt(0);
		// 37° 0' 36" = 37.01, 112° 43' 12" = 112.72
		b.putInt(37).putInt(1).putInt(0).putInt(1).putInt(36).putInt(1);
		b.putInt(112).putInt(1).putInt(43).putInt(1).putInt(12).putInt(1);
		return b.array();
	}

	private static void entry(ByteBuffer b, int tag, int type, int count, int valueOrOffset) {
		b.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
	}

}
