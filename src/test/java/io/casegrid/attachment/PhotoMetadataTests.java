package io.casegrid.attachment;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PhotoMetadataTests {

	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	@Test
	void readsTheCaptureTimeAsTheCountysLocalTimeAndTheGpsPosition() {
		PhotoMetadata photo = PhotoMetadata.read(TestPhotos.jpegWithExif(), COUNTY);

		assertThat(photo.capturedAt()).isEqualTo(Instant.parse("2026-11-28T01:15:00Z"));
		assertThat(photo.latitude()).isCloseTo(TestPhotos.LATITUDE, within(1e-6));
		assertThat(photo.longitude()).isCloseTo(TestPhotos.LONGITUDE, within(1e-6));
	}

	@Test
	void aPhotoWithoutExifHasNeitherTimeNorPlace() {
		assertThat(PhotoMetadata.read(TestPhotos.png(20, 10), COUNTY)).isEqualTo(PhotoMetadata.NONE);
	}

	@Test
	void thumbnailOfALargePhotoIsAtMost320PixelsOnItsLongerSide() throws Exception {
		byte[] thumbnail = Thumbnails.of(TestPhotos.jpegWithExif()).orElseThrow();

		var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail));
		assertThat(image.getWidth()).isEqualTo(Thumbnails.EDGE);
		assertThat(image.getHeight()).isEqualTo(240);
	}

	@Test
	void contentIsRecognisedByItsFirstBytes() {
		assertThat(FileKind.of(TestPhotos.jpeg(8, 8))).contains(FileKind.JPEG);
		assertThat(FileKind.of(TestPhotos.png(8, 8))).contains(FileKind.PNG);
		assertThat(FileKind.of(TestPhotos.pdf())).contains(FileKind.PDF);
		assertThat(FileKind.of("GIF89a".getBytes())).isEmpty();
		assertThat(FileKind.of(new byte[] { (byte) 0xFF })).isEmpty();
	}

}
