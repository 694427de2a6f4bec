package io.casegrid.intake;

import java.time.Instant;
import java.util.List;

import io.casegrid.casefile.Attachment;
import io.casegrid.casefile.Channel;
import io.casegrid.casefile.Reporter;

/** A case as reported through any channel (问题上报), before it is placed in the org tree. */
record NewCase(Channel channel, String channelReference, String categoryCode, String title, String description,
		String address, Double latitude, Double longitude, String unitCode, Reporter reporter,
		java.util.Set<String> reporterTags, Instant occurredAt, List<Attachment> attachments) {
}
