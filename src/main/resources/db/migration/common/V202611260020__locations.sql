-- Locations: the administrative structure, civil registration offices and health facilities.
CREATE TABLE locations (
    id                VARCHAR(64)  PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    alias             VARCHAR(200),
    type              VARCHAR(32)  NOT NULL,
    jurisdiction_type VARCHAR(32),
    part_of           VARCHAR(64),
    status            VARCHAR(16)  NOT NULL,
    statistics        VARCHAR(16000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX locations_type ON locations (type, name);
CREATE INDEX locations_part_of ON locations (part_of);
