-- A person's tokens are refused by generation, not by issue second, as clients' are since V202611270010: a
-- counter that every password change or reset, activation, role or office change and status change moves on, and
-- that each user token carries (claim "gen"). The cut-off second had to move one second further with each change,
-- so a burst of changes stamped the next tokens in the future.
ALTER TABLE users ADD COLUMN token_generation BIGINT DEFAULT 0 NOT NULL;

-- Tokens issued before this migration carry no generation and count as generation 0: a user whose tokens were
-- already cut off once starts at 1, so none of the tokens issued before that change comes back to life.
UPDATE users SET token_generation = 1 WHERE tokens_not_before > 0;

ALTER TABLE users DROP COLUMN tokens_not_before;
