-- Integration clients (OpenCRVS "systems"). Secrets are stored only as a keyed hash; the webhook signing key
-- (sha_secret) is encrypted with the server key because it must be revealed again.
CREATE TABLE integration_clients (
    id                      VARCHAR(24)  PRIMARY KEY,
    client_id               VARCHAR(64)  NOT NULL,
    name                    VARCHAR(200) NOT NULL,
    name_key                VARCHAR(200) NOT NULL,
    type                    VARCHAR(32)  NOT NULL,
    -- equals type for a type allowed only once (NATIONAL_ID), NULL otherwise: a portable partial unique index
    singleton_type          VARCHAR(32),
    integrating_system_type VARCHAR(16),
    scope                   VARCHAR(500) NOT NULL,
    status                  VARCHAR(16)  NOT NULL,
    secret_salt             VARCHAR(64)  NOT NULL,
    secret_hash             VARCHAR(64)  NOT NULL,
    sha_secret              VARCHAR(200) NOT NULL,
    settings                VARCHAR(8000),
    created_by              VARCHAR(128) NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    -- tokens with iat before this second are refused (set on secret refresh and deactivation)
    tokens_not_before       BIGINT       NOT NULL,
    CONSTRAINT integration_clients_client_id UNIQUE (client_id),
    CONSTRAINT integration_clients_name UNIQUE (name_key),
    CONSTRAINT integration_clients_singleton UNIQUE (singleton_type)
);

-- Revoked access tokens by jti, kept until the token would have expired anyway.
CREATE TABLE revoked_tokens (
    jti        VARCHAR(64)  PRIMARY KEY,
    subject    VARCHAR(64)  NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX revoked_tokens_expiry ON revoked_tokens (expires_at);
