-- Positions of the org units (WGS 84) for the console's map: a unit's office or the centre of its area.
ALTER TABLE org_unit ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90),
                     ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180);
