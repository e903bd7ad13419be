-- Phone sign-in (seed 001's primary method) and attaching a phone number to a signed-in user.
--
-- A code sent to a number that belongs to no user yet has no user to point at: the user is created
-- only once the code is verified, so that nobody can claim a number they cannot receive codes on.
-- Hence user_id becomes nullable, and `purpose` says which flow a code belongs to:
--   SIGN_IN  sign in (or sign up) with the number; user_id is the number's user when one exists
--   ATTACH   add or change the number of the signed-in user named by user_id
ALTER TABLE phone_verifications ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE phone_verifications ADD COLUMN purpose VARCHAR(10) DEFAULT 'SIGN_IN' NOT NULL;
ALTER TABLE phone_verifications ADD CONSTRAINT ck_phone_verifications_purpose CHECK (purpose IN ('SIGN_IN', 'ATTACH'));
ALTER TABLE phone_verifications ADD CONSTRAINT ck_phone_verifications_attach_user CHECK (purpose = 'SIGN_IN' OR user_id IS NOT NULL);
-- The latest open code of a number: the lookup of every verify and of the resend throttle.
CREATE INDEX idx_phone_verifications_phone ON phone_verifications (phone_number, purpose, created_at);
