package io.casegrid.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.casegrid.casefile.Channel;
import io.casegrid.org.Placement;
import io.casegrid.security.Actor;
import io.casegrid.security.Role;
import io.casegrid.triage.DecisionPreview;
import io.casegrid.web.FieldError;
import io.casegrid.web.ForbiddenException;

import org.springframework.stereotype.Component;

/**
 * Who may report what, where (403 naming the field otherwise):
 * <ul>
 * <li><b>place</b> ({@code location.unitCode}): staff report into their own unit or below it — a grid worker their
 * grid, a township dispatcher their township, the county centre the county. An app reports wherever its token's org
 * units reach, and an app without org units (the demo's {@code hotline-12345}, {@code third-party-app}) anywhere in
 * the county the service serves (every unit of its org tree);</li>
 * <li><b>channel</b> ({@code channel}): {@code processes/reporting-channels.dmn} lists the channels of each app (by
 * client id: {@code hotline-12345} reports as HOTLINE_12345) and of each staff role (a grid worker GRID_REPORT or
 * VISIT); a county changes it by deploying the table. What the table does not list is refused.</li>
 * </ul>
 */
@Component
class ReportingRights {

	static final String CHANNELS = "Decision_ReportingChannels";

	private final DecisionPreview decisions;

	ReportingRights(DecisionPreview decisions) {
		this.decisions = decisions;
	}

	void check(Actor reporter, Placement place, Channel channel) {
		List<FieldError> errors = new ArrayList<>();
		if (!mayReportInto(reporter, place)) {
			errors.add(new FieldError("location.unitCode",
					"is outside your place: you report into " + reporter.orgCodes() + " or below"));
		}
		Set<String> channels = channelsOf(reporter);
		if (!channels.contains(channel.name())) {
			errors.add(new FieldError("channel", "is not a channel you report through; yours: " + channels));
		}
		if (!errors.isEmpty()) {
			throw new ForbiddenException(errors);
		}
	}

	private static boolean mayReportInto(Actor reporter, Placement place) {
		if (reporter.isApp() && reporter.orgCodes().isEmpty()) {
			return true;
		}
		return Stream.of(place.unitCode(), place.gridCode(), place.villageCode(), place.townshipCode(),
				place.countyCode())
			.filter(Objects::nonNull)
			.anyMatch(reporter.orgCodes()::contains);
	}

	private Set<String> channelsOf(Actor reporter) {
		List<String> who = reporter.isApp() ? List.of(reporter.id())
				: reporter.roles().stream().map(Role::tokenName).toList();
		Set<String> channels = new HashSet<>();
		for (String one : who) {
			decisions.evaluate(CHANNELS, Map.of("who", one))
				.collectEntries("channel")
				.forEach(c -> channels.add((String) c));
		}
		return channels;
	}

}
