-- Changes made through services without a database (a generator replica's version pins) arrive on sppo.audit as
-- AuditEvents, each with a random id: recorded once however often it is delivered.
ALTER TABLE audit_log ADD COLUMN event_id TEXT UNIQUE;
