-- The retention purge (leadgate.retention.*) finds old rows by age and unlinks inquiries from purged envelopes.
-- Inquiries by age use inquiry_received_idx (V90, shared with the channel-silence rollup).
create index envelope_received_idx on envelope (received_at);
create index inquiry_envelope_idx on inquiry (envelope_id);
