-- The console's channels page: the last inquiry and the inquiries per day of each channel, by index range.
create index inquiry_channel_received_idx on inquiry (channel_id, received_at);
