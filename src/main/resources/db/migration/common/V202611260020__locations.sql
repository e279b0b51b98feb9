-- Locations: the administrative structure, civil registration offices and health facilities.
-- statistical_id is what OpenCRVS puts in the identifiers (ADMIN_STRUCTURE_<id>, CRVS_OFFICE_<id> …) and is unique
-- across all three types, as OpenCRVS checks. Rows loaded from a country's CSV files keep the CSV id as both id
-- and statistical_id; rows created over the API get a UUID id. part_of is NULL for the top-level areas, which
-- OpenCRVS writes as "Location/0" (the country).
CREATE TABLE locations (
    id                VARCHAR(64)  PRIMARY KEY,
    statistical_id    VARCHAR(64)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    alias             VARCHAR(200),
    type              VARCHAR(32)  NOT NULL,
    jurisdiction_type VARCHAR(32),
    part_of           VARCHAR(64)  REFERENCES locations (id),
    status            VARCHAR(16)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT locations_statistical_id UNIQUE (statistical_id),
    CONSTRAINT locations_type_known CHECK (type IN ('ADMIN_STRUCTURE', 'CRVS_OFFICE', 'HEALTH_FACILITY')),
    CONSTRAINT locations_status_known CHECK (status IN ('active', 'inactive')),
    CONSTRAINT locations_jurisdiction CHECK ((type = 'ADMIN_STRUCTURE') = (jurisdiction_type IS NOT NULL))
);

CREATE INDEX locations_type_name ON locations (type, name, id);
CREATE INDEX locations_name ON locations (name, id);
CREATE INDEX locations_part_of ON locations (part_of);

-- Population and crude birth rate (per 1000 people) of an administrative area, one row per year.
CREATE TABLE location_statistics (
    location_id       VARCHAR(64)      NOT NULL REFERENCES locations (id),
    reference_year    INTEGER          NOT NULL,
    male_population   BIGINT           NOT NULL,
    female_population BIGINT           NOT NULL,
    population        BIGINT           NOT NULL,
    crude_birth_rate  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (location_id, reference_year)
);
