-- The retention purge (leadgate.retention.*) finds old rows by age and unlinks inquiries from purged envelopes.
create index envelope_received_idx on envelope (received_at);
create index inquiry_received_idx on inquiry (received_at);
create index inquiry_envelope_idx on inquiry (envelope_id);
