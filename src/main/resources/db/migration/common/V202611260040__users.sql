-- Staff users. Passwords and security answers are Argon2id hashes; the TOTP secret is encrypted with the server
-- key. tokens_not_before: tokens issued before this second are refused (password change, deactivation, role
-- change, activation).
CREATE TABLE users (
    id                  VARCHAR(24)  PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL,
    given_names         VARCHAR(200) NOT NULL,
    family_name         VARCHAR(200) NOT NULL,
    system_role         VARCHAR(32)  NOT NULL,
    role_title          VARCHAR(100) NOT NULL,
    primary_office_id   VARCHAR(64)  NOT NULL REFERENCES locations (id),
    mobile              VARCHAR(32),
    email               VARCHAR(254),
    national_id         VARCHAR(32),
    language            VARCHAR(8)   NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    status_reason       VARCHAR(32),
    status_comment      VARCHAR(500),
    password_hash       VARCHAR(256) NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE,
    security_answers    VARCHAR(4000),
    totp_secret         VARCHAR(200),
    totp_enabled        BOOLEAN      NOT NULL,
    totp_last_step      BIGINT       NOT NULL,
    tokens_not_before   BIGINT       NOT NULL,
    created_by          VARCHAR(128) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_username UNIQUE (username),
    CONSTRAINT users_mobile UNIQUE (mobile),
    CONSTRAINT users_email UNIQUE (email)
);

CREATE INDEX users_office ON users (primary_office_id, family_name);

-- Login in progress between the password and the second factor. Only hashes of the nonce and code are kept.
CREATE TABLE login_sessions (
    nonce_hash      VARCHAR(64) PRIMARY KEY,
    user_id         VARCHAR(24) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    method          VARCHAR(8)  NOT NULL,
    code_hash       VARCHAR(64),
    code_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts INTEGER     NOT NULL,
    resends         INTEGER     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX login_sessions_expiry ON login_sessions (code_expires_at);
