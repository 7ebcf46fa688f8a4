-- GDPR erasure: an erased contact card stays (leads, inquiries and calls still point to it for anonymous counts)
-- but holds nothing, and the API no longer shows it.
alter table contact add column erased_at timestamp(6) with time zone;
