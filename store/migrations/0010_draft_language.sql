-- 0010: the thank-you speaks the helper's language.

-- The language a draft is written in (ISO 639-1): the helper's, when the
-- templates speak it, else 'en'. Drafts written before this version were
-- all in English.
ALTER TABLE drafts ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
