package io.casegrid.casefile;

/** A reference to a file the channel keeps (photo, recording, document). */
public record Attachment(String uri, String name, String mediaType) {
}
