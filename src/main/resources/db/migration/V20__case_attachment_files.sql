-- Files uploaded to a case (照片、附件): photos and PDF documents, with who uploaded them and when, the before/after tag
-- and, for a photo, its EXIF capture time and position. The content lives in an attachment.AttachmentStore under
-- content_key (and thumbnail_key): by default the table attachment_content below, in the same database and the same
-- transaction as this row; an S3-compatible store is the option for scale (docs/attachments.md).
CREATE TABLE case_attachment_file (
    id            uuid             PRIMARY KEY,
    case_id       uuid             NOT NULL REFERENCES case_file (id),
    file_name     varchar(255)     NOT NULL,
    media_type    varchar(100)     NOT NULL,
    size_bytes    bigint           NOT NULL CHECK (size_bytes > 0),
    sha256        char(64)         NOT NULL,
    tag           varchar(10)      CHECK (tag IN ('BEFORE', 'AFTER')),
    uploaded_by   varchar(255)     NOT NULL,
    uploaded_at   timestamptz      NOT NULL,
    captured_at   timestamptz,
    latitude      double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude     double precision CHECK (longitude BETWEEN -180 AND 180),
    content_key   varchar(300)     NOT NULL,
    thumbnail_key varchar(300)
);

CREATE INDEX case_attachment_file_case_idx ON case_attachment_file (case_id, uploaded_at);

-- The PostgreSQL attachment store: one row per stored object (a file or its thumbnail). bytea keeps a file in the
-- row (TOAST, compressed where it helps), read and written in one statement; a file is at most
-- casegrid.requests.max-upload (10 MB by default).
CREATE TABLE attachment_content (
    key     varchar(300) PRIMARY KEY,
    content bytea        NOT NULL
);
