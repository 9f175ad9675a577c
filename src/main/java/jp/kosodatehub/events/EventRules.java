package jp.kosodatehub.events;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.base.validation.TextRules;

/**
 * The rules an event must satisfy. The form checks them field by field as the user types; the service checks
 * them all again before saving, so a request that bypasses the form is held to the same rules.
 */
public final class EventRules {

    private EventRules() {
    }

    /** Translation key of the problem with a date-time, or {@code null}. */
    public static String checkDateTime(LocalDateTime value, LocalDate today) {
        if (value == null) {
            return "validation.required";
        }
        LocalDate date = value.toLocalDate();
        if (date.isBefore(EventLimits.earliestDate(today)) || date.isAfter(EventLimits.latestDate(today))) {
            return "event.validation.date-out-of-range";
        }
        return null;
    }

    /** Translation key of the problem with the end relative to the start, or {@code null}. */
    public static String checkEnd(LocalDateTime start, LocalDateTime end, LocalDate today) {
        String problem = checkDateTime(end, today);
        if (problem != null || start == null) {
            return problem;
        }
        if (!end.isAfter(start)) {
            return "event.validation.end-before-start";
        }
        if (Duration.between(start, end).toDays() > EventLimits.DURATION_MAX_DAYS) {
            return "event.validation.too-long-duration";
        }
        return null;
    }

    public static String checkCapacity(Integer capacity) {
        if (capacity != null && (capacity < 0 || capacity > EventLimits.CAPACITY_MAX)) {
            return "event.validation.capacity-range";
        }
        return null;
    }

    public static String checkFee(boolean free, Integer feeYen) {
        if (free) {
            return null;
        }
        if (feeYen == null) {
            return "event.validation.fee-required";
        }
        if (feeYen <= 0 || feeYen > EventLimits.FEE_MAX) {
            return "event.validation.fee-range";
        }
        return null;
    }

    public static String checkBookingDeadline(LocalDate deadline, LocalDateTime start, LocalDate today) {
        if (deadline == null) {
            return null;
        }
        if (deadline.isBefore(EventLimits.earliestDate(today)) || deadline.isAfter(EventLimits.latestDate(today))) {
            return "event.validation.date-out-of-range";
        }
        if (start != null && deadline.isAfter(start.toLocalDate())) {
            return "event.validation.deadline-after-start";
        }
        return null;
    }

    /**
     * Translation key of the problem with a series' rule, or {@code null}; nothing to check for a single event.
     * The days skipped matter: a count of dates held runs on past them and must still end within five years.
     */
    public static String checkRecurrence(Recurrence recurrence, LocalDateTime start, boolean skipHolidays,
                                         LocalDate skipFrom, LocalDate skipTo) {
        if (recurrence == null || start == null) {
            return null;
        }
        String problem = recurrence.problem(start.toLocalDate());
        if (problem != null) {
            return problem;
        }
        List<LocalDateTime> dates;
        try {
            dates = OccurrencePlan.ruleDates(start, recurrence.toRule());
        } catch (IllegalArgumentException e) {
            return "series.validation.malformed";
        }
        if (dates.size() > OccurrencePlan.MAX_OCCURRENCES
                || dates.stream().anyMatch(date -> date.isAfter(start.plusYears(Recurrence.MAX_YEARS)))) {
            return "series.validation.too-many";
        }
        // The first date is the event's own start; a rule that skips it would leave calendars disagreeing.
        if (dates.isEmpty() || !dates.get(0).equals(start)) {
            return "series.validation.start-not-in-rule";
        }
        if (recurrence.count() != null && OccurrencePlan.expand(start, start, recurrence.toRule(), skipHolidays,
                skipFrom, skipTo).stream().filter(date -> date.skip() == null).count() < recurrence.count()) {
            return "series.validation.too-many";
        }
        return null;
    }

    public static String checkSkipPeriod(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return null;
        }
        if (from == null || to == null || to.isBefore(from)) {
            return "series.validation.skip-range";
        }
        return null;
    }

    /** Normalises the draft's texts in place and collects every broken rule. */
    static Problems validate(EventDraft draft, LocalDate today) {
        draft.setTitle(TextRules.normalise(draft.getTitle()));
        draft.setDescription(TextRules.normalise(draft.getDescription()));
        draft.setVenueName(TextRules.normalise(draft.getVenueName()));
        draft.setVenueAddress(TextRules.normalise(draft.getVenueAddress()));
        draft.setBookingHow(TextRules.normalise(draft.getBookingHow()));
        draft.setContact(TextRules.normalise(draft.getContact()));
        Problems problems = new Problems()
                .text("title", draft.getTitle(), true, EventLimits.TITLE_MAX, false)
                .text("description", draft.getDescription(), false, EventLimits.DESCRIPTION_MAX, true)
                .text("venueName", draft.getVenueName(), true, EventLimits.VENUE_NAME_MAX, false)
                .text("venueAddress", draft.getVenueAddress(), false, EventLimits.VENUE_ADDRESS_MAX, false)
                .text("bookingHow", draft.getBookingHow(), false, EventLimits.BOOKING_HOW_MAX, true)
                .text("contact", draft.getContact(), false, EventLimits.CONTACT_MAX, false)
                .require(draft.getKind() != null, "kind", "validation.required")
                .require(!draft.getAgeBands().isEmpty(), "ageBands", "event.validation.age-band-required");
        addIfPresent(problems, "startsAt", checkDateTime(draft.getStartsAt(), today));
        addIfPresent(problems, "endsAt", checkEnd(draft.getStartsAt(), draft.getEndsAt(), today));
        addIfPresent(problems, "capacity", checkCapacity(draft.getCapacity()));
        addIfPresent(problems, "feeYen", checkFee(draft.isFree(), draft.getFeeYen()));
        addIfPresent(problems, "recurrence", checkRecurrence(draft.getRecurrence(), draft.getStartsAt(),
                draft.isSkipHolidays(), draft.getSkipFrom(), draft.getSkipTo()));
        if (draft.getRecurrence() != null) {
            addIfPresent(problems, "skipTo", checkSkipPeriod(draft.getSkipFrom(), draft.getSkipTo()));
        }
        if (draft.isBookingRequired()) {
            problems.require(draft.getBookingHow() != null, "bookingHow", "event.validation.booking-how-required");
            addIfPresent(problems, "bookingDeadline",
                    checkBookingDeadline(draft.getBookingDeadline(), draft.getStartsAt(), today));
        }
        return problems;
    }

    private static void addIfPresent(Problems problems, String field, String key) {
        if (key != null) {
            problems.add(field, key);
        }
    }
}
