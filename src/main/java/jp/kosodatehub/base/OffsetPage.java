package jp.kosodatehub.base;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A page that starts at any row, as lazy grids and "show more" lists ask for them. Spring's PageRequest only
 * starts at multiples of its size, which would return the wrong rows for an offset of, say, 30 with a limit of 50.
 */
public record OffsetPage(long offset, int limit, Sort sort) implements Pageable {

    public static final int MAX_LIMIT = 500;

    public OffsetPage {
        offset = Math.max(0, offset);
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
        sort = sort == null ? Sort.unsorted() : sort;
    }

    public static OffsetPage of(int offset, int limit, Sort sort) {
        return new OffsetPage(offset, limit, sort);
    }

    @Override
    public int getPageNumber() {
        return (int) (offset / limit);
    }

    @Override
    public int getPageSize() {
        return limit;
    }

    @Override
    public long getOffset() {
        return offset;
    }

    @Override
    public Sort getSort() {
        return sort;
    }

    @Override
    public Pageable next() {
        return new OffsetPage(offset + limit, limit, sort);
    }

    @Override
    public Pageable previousOrFirst() {
        return new OffsetPage(Math.max(0, offset - limit), limit, sort);
    }

    @Override
    public Pageable first() {
        return new OffsetPage(0, limit, sort);
    }

    @Override
    public Pageable withPage(int pageNumber) {
        return new OffsetPage((long) pageNumber * limit, limit, sort);
    }

    @Override
    public boolean hasPrevious() {
        return offset > 0;
    }
}
