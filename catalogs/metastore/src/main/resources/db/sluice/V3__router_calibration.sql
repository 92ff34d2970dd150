-- The router's cost coefficients as measured by a calibration run (bin/sluice calibrate), per engine: the router
-- uses each engine's latest.
CREATE TABLE sluice_router_calibration (
    calibrated_at TIMESTAMP NOT NULL,
    machine VARCHAR(255) NOT NULL,
    engine VARCHAR(64) NOT NULL,
    fixed_seconds DOUBLE PRECISION NOT NULL,
    scan_bytes_per_core_second DOUBLE PRECISION NOT NULL,
    seconds_per_result_row DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (calibrated_at, engine)
);
