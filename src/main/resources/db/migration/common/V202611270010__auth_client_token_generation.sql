-- A client's tokens are refused by generation, not by issue second: a counter that every secret refresh and
-- deactivation moves on, and that each client token carries (claim "gen"). A cut-off second could not tell a
-- token issued just before a refresh from one issued just after it in the same second.
ALTER TABLE integration_clients ADD COLUMN token_generation BIGINT DEFAULT 0 NOT NULL;

-- Tokens issued before this migration carry no generation and count as generation 0: a client that already
-- had its secret refreshed or was deactivated starts at 1, so none of its earlier tokens comes back to life.
UPDATE integration_clients SET token_generation = 1 WHERE tokens_not_before > 0;

ALTER TABLE integration_clients DROP COLUMN tokens_not_before;
