-- No value is too long to store (CONTRACT §3). Normalised values are bounded in code (inquiry.Limits: free text
-- clipped, over-long identifiers hashed, thread lists bounded); columns whose limit was arbitrary hold any length.
alter table envelope alter column sub_path set data type text;
alter table call_record alter column line set data type text;
alter table contact_identity alter column label set data type text;
