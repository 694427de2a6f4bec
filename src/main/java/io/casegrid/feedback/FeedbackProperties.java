package io.casegrid.feedback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param evaluationPeriod how long the reporter has to evaluate before 满意 is assumed */
@ConfigurationProperties("casegrid.feedback")
record FeedbackProperties(@DefaultValue("P3D") Duration evaluationPeriod) {
}
