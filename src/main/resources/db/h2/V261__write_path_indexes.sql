-- The development run's H2 form of db/postgresql/V261__write_path_indexes.sql: H2 has no partial indexes, so the
-- sequencer's index on (feed_position, write_seq) stays there. The unread inquiry index goes as on PostgreSQL.
drop index inquiry_external_idx;
