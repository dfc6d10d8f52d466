-- 0013: one person, several addresses.

-- An address the owner filed under another person points at that
-- person's main row; the main row's own same_as is NULL (no chains).
-- The ledger counts a person's rows together.
ALTER TABLE people ADD COLUMN same_as INTEGER REFERENCES people (id) ON DELETE SET NULL;
CREATE INDEX people_by_same_as ON people (same_as);
