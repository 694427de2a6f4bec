package io.casegrid.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

/**
 * Where and when a photo was taken, as its EXIF says (either may be absent). A capture time without an offset (EXIF
 * {@code DateTimeOriginal} has none unless {@code OffsetTimeOriginal} is set) is read as the county's local time.
 */
record PhotoMetadata(Instant capturedAt, Double latitude, Double longitude) {

	static final PhotoMetadata NONE = new PhotoMetadata(null, null, null);

	static PhotoMetadata read(byte[] image, ZoneId zone) {
		Metadata metadata;
		try {
			metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
		}
		catch (ImageProcessingException | IOException ex) {
			// a photo without readable EXIF is still a photo
			return NONE;
		}
		Instant capturedAt = null;
		ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
		if (exif != null) {
			Date original = exif.getDateOriginal(TimeZone.getTimeZone(zone));
			capturedAt = original == null ? null : original.toInstant();
		}
		Double latitude = null;
		Double longitude = null;
		GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
		GeoLocation location = gps == null ? null : gps.getGeoLocation();
		if (location != null && !location.isZero() && Math.abs(location.getLatitude()) <= 90
				&& Math.abs(location.getLongitude()) <= 180) {
			latitude = location.getLatitude();
			longitude = location.getLongitude();
		}
		return new PhotoMetadata(capturedAt, latitude, longitude);
	}

}
