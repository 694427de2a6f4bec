-- Idempotency keys belong to the client that sent them (issue 10, finding 7): one client can no longer replay another's
-- key and get its case. Keys already stored go to whoever reported their case (case_event REPORTED), so a retry by
-- the same client still finds its case; a key whose case has no such event keeps an owner nobody has.
ALTER TABLE intake_request ADD COLUMN owner varchar(255);

UPDATE intake_request r
   SET owner = e.actor
  FROM case_event e
 WHERE e.case_id = r.case_id AND e.type = 'REPORTED';

UPDATE intake_request SET owner = '' WHERE owner IS NULL;

ALTER TABLE intake_request ALTER COLUMN owner SET NOT NULL;
ALTER TABLE intake_request DROP CONSTRAINT intake_request_pkey;
ALTER TABLE intake_request ADD PRIMARY KEY (owner, idempotency_key);

-- keys expire (casegrid.intake.idempotency-key-ttl); intake deletes expired ones a few at a time
CREATE INDEX intake_request_received_at ON intake_request (received_at);
