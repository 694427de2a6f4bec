-- Positions of the org units (WGS 84) for the console's map: a unit's office or the centre of its area.
ALTER TABLE org_unit ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90),
                     ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180);

-- the demo county's made-up places (云岭县 is fictional): laid out so that the map reads like the tree
UPDATE org_unit SET latitude = 25.600, longitude = 100.230 WHERE code = '149901';
UPDATE org_unit SET latitude = 25.610, longitude = 100.230 WHERE code = '149901001';
UPDATE org_unit SET latitude = 25.618, longitude = 100.220 WHERE code = '149901001001';
UPDATE org_unit SET latitude = 25.621, longitude = 100.216 WHERE code = '149901001001001';
UPDATE org_unit SET latitude = 25.622, longitude = 100.214 WHERE code = '149901001001001-01';
UPDATE org_unit SET latitude = 25.620, longitude = 100.218 WHERE code = '149901001001001-02';
UPDATE org_unit SET latitude = 25.615, longitude = 100.224 WHERE code = '149901001001002';
UPDATE org_unit SET latitude = 25.606, longitude = 100.238 WHERE code = '149901001002';
UPDATE org_unit SET latitude = 25.609, longitude = 100.235 WHERE code = '149901001002001';
UPDATE org_unit SET latitude = 25.603, longitude = 100.241 WHERE code = '149901001002002';
UPDATE org_unit SET latitude = 25.560, longitude = 100.190 WHERE code = '149901102';
UPDATE org_unit SET latitude = 25.566, longitude = 100.182 WHERE code = '149901102201';
UPDATE org_unit SET latitude = 25.569, longitude = 100.178 WHERE code = '149901102201001';
UPDATE org_unit SET latitude = 25.563, longitude = 100.186 WHERE code = '149901102201002';
UPDATE org_unit SET latitude = 25.552, longitude = 100.198 WHERE code = '149901102202';
UPDATE org_unit SET latitude = 25.555, longitude = 100.194 WHERE code = '149901102202001';
UPDATE org_unit SET latitude = 25.549, longitude = 100.202 WHERE code = '149901102202002';
-- the county's departments in a row by the county seat
UPDATE org_unit SET latitude = 25.596, longitude = 100.206 + 0.003 * sort_order WHERE level = 'DEPARTMENT';
