package jp.kosodatehub.volunteers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import jp.kosodatehub.events.EventStatus;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OpeningRepository extends JpaRepository<Opening, Long>, JpaSpecificationExecutor<Opening> {

    /**
     * What the public board shows: published openings of the chosen kinds and district, for the chosen supporter
     * types; a one-date opening only until its day, an event-linked one only while its event has dates ahead.
     */
    String PUBLIC_BOARD = """
            from Opening o
            where o.status = :published
              and o.schedule in :schedules
              and (o.schedule <> :oneDate or o.onDate >= :today)
              and (o.schedule <> :linked or exists (select 1 from EventOccurrence x
                    where x.event.id = o.eventId and x.event.status = :eventPublished
                      and x.cancelled = false and x.endsAt >= :now))
              and (:districtId is null or o.district.id = :districtId)
              and (:anyType = true or exists (select 1 from Opening s join s.suitableFor t
                    where s = o and t in :types))
            """;

    /**
     * Dated openings first, soonest first: a one-date opening by its day, an event-linked one by its event's next
     * date; then ongoing ones, newest published first.
     */
    @Query(value = "select o " + PUBLIC_BOARD + """
            order by case when o.schedule = :ongoing then 1 else 0 end,
              coalesce(o.onDate, (select cast(min(y.startsAt) as LocalDate) from EventOccurrence y
                    where y.event.id = o.eventId and y.cancelled = false and y.endsAt >= :now)) nulls last,
              o.startTime nulls first, o.publishedAt desc, o.id desc
            """)
    List<Opening> publicBoard(@Param("published") PostStatus published,
                              @Param("schedules") Collection<OpeningSchedule> schedules,
                              @Param("oneDate") OpeningSchedule oneDate, @Param("linked") OpeningSchedule linked,
                              @Param("ongoing") OpeningSchedule ongoing, @Param("today") LocalDate today,
                              @Param("now") LocalDateTime now, @Param("eventPublished") EventStatus eventPublished,
                              @Param("districtId") Long districtId, @Param("anyType") boolean anyType,
                              @Param("types") Collection<SupporterType> types, Pageable page);

    @Query("select count(o) " + PUBLIC_BOARD)
    long countPublicBoard(@Param("published") PostStatus published,
                          @Param("schedules") Collection<OpeningSchedule> schedules,
                          @Param("oneDate") OpeningSchedule oneDate, @Param("linked") OpeningSchedule linked,
                          @Param("today") LocalDate today, @Param("now") LocalDateTime now,
                          @Param("eventPublished") EventStatus eventPublished,
                          @Param("districtId") Long districtId, @Param("anyType") boolean anyType,
                          @Param("types") Collection<SupporterType> types);

    List<Opening> findByStatusOrderBySubmittedAtAscIdAsc(PostStatus status, Pageable page);

    long countByStatus(PostStatus status);

    List<Opening> findByEventIdAndStatusOrderByPublishedAtDescIdDesc(Long eventId, PostStatus status, Pageable page);
}
