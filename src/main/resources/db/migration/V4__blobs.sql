-- Platform: content-addressed blobs (raw messages, queued mail). The bytes live in the blob
-- store (files under the data directory by default); this table records each blob's last
-- claim so that the collector removes only blobs that nothing references and nobody has
-- claimed for a grace period.

create table blob (
    hash          char(64) primary key,
    size          bigint not null,
    last_used_at  timestamp with time zone not null
);
create index blob_last_used_idx on blob (last_used_at);
