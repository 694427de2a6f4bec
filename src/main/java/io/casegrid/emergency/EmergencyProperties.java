package io.casegrid.emergency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param acknowledgementLimit how soon county command must acknowledge; it is alerted again each time it passes */
@ConfigurationProperties("casegrid.emergency")
record EmergencyProperties(@DefaultValue("PT15M") Duration acknowledgementLimit) {
}
