package io.casegrid.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import io.casegrid.EngineTestSupport;
import io.casegrid.TableReads;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar's local days are read once per transaction, and a day entered or removed counts for the next due
 * date: in the same transaction and in the next one. Monday 13 June 2033, 10:00, plus one working day is Tuesday
 * 14 June 10:00, or Wednesday 15 June with the 14th a local day off.
 */
class CalendarOverrideReadsTests extends EngineTestSupport {

	static final LocalDate DAY_OFF = LocalDate.of(2033, 6, 14);

	@Autowired
	DueDateCalculator calculator;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	LocalDays localDays;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void dueDatesComputedTwiceInOneTransactionReadTheLocalDaysOnce() {
		long[] reads = new TransactionTemplate(transactions).execute(status -> {
			long before = TableReads.of(jdbc, "calendar_override");
			calculator.addWorkingDays(mondayTen(), 1);
			long afterFirst = TableReads.of(jdbc, "calendar_override");
			calculator.addWorkingDays(mondayTen(), 2);
			calculator.workingTimeBetween(mondayTen(), mondayTen().plusSeconds(86_400));
			return new long[] { afterFirst - before, TableReads.of(jdbc, "calendar_override") - afterFirst };
		});

		assertThat(reads).containsExactly(1, 0);
	}

	@Test
	void aDayOffEnteredInATransactionMovesTheNextDueDateComputedInIt() {
		Instant[] due = new TransactionTemplate(transactions).execute(status -> {
			Instant before = calculator.addWorkingDays(mondayTen(), 1);
			localDays.add(DAY_OFF, false, "测试", "test", Instant.now());
			Instant after = calculator.addWorkingDays(mondayTen(), 1);
			status.setRollbackOnly();
			return new Instant[] { before, after };
		});

		assertThat(due).containsExactly(at(DAY_OFF), at(DAY_OFF.plusDays(1)));
	}

	@Test
	void aDayOffEnteredByAnotherTransactionMovesTheDueDateOfTheNext() {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		Instant dueBefore = transaction.execute(status -> calculator.addWorkingDays(mondayTen(), 1));
		assertThat(dueBefore).isEqualTo(at(DAY_OFF));
		// as another node would: straight into the table
		jdbc.sql("""
				INSERT INTO calendar_override (day, working, reason, created_by, created_at)
				VALUES (:day, false, '测试', 'test', now())""").param("day", Date.valueOf(DAY_OFF)).update();
		try {
			Instant dueAfter = transaction.execute(status -> calculator.addWorkingDays(mondayTen(), 1));

			assertThat(dueAfter).isEqualTo(at(DAY_OFF.plusDays(1)));
		}
		finally {
			jdbc.sql("DELETE FROM calendar_override WHERE day = :day").param("day", Date.valueOf(DAY_OFF)).update();
		}
	}

	private Instant mondayTen() {
		return at(DAY_OFF.minusDays(1));
	}

	private Instant at(LocalDate day) {
		return ZonedDateTime.of(day, LocalTime.of(10, 0), calendar.zone()).toInstant();
	}

}
