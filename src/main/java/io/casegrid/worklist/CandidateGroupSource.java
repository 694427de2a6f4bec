package io.casegrid.worklist;

import java.util.Set;

import io.casegrid.security.Actor;

/**
 * The candidate groups a feature's processes use, mapped to what a token says (roles and org units). Each feature
 * that draws user tasks declares its groups as a bean.
 */
public interface CandidateGroupSource {

	Set<String> groupsOf(Actor actor);

}
