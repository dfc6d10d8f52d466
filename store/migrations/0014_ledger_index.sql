-- 0014: the ledger read from indexes.

-- The ledger (store.People) counts, for each person, the requests they
-- helped with, were thanked for and were asked in, their latest help and
-- thanks, and the times the owner helped them. Everything it reads of a
-- participation, and of a time the owner gave, is in these indexes, so
-- it never visits the rows. Without the second it read every row of gave
-- for each person: 3,000 people and 2,000 times given took 8 seconds.
-- The first serves the lookups by person the narrower index did.
CREATE INDEX request_participants_ledger ON request_participants (person_id, role, request_id, thanked_at, first_reply_at);
DROP INDEX request_participants_by_person;
CREATE INDEX gave_by_person ON gave (person_id, message_id, at);
