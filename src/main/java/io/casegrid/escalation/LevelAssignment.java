package io.casegrid.escalation;

/** Who handles the case at a level: the level and the candidate group (a unit's org code or the county centre). */
record LevelAssignment(ResponseLevel level, String group) {
}
