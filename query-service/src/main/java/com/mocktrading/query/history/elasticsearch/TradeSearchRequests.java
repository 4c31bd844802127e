package com.mocktrading.query.history.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.mocktrading.core.history.TradeDocument;
import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.domain.Timestamps;
import com.mocktrading.query.history.TradeSearchCriteria;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Elasticsearch search of a user's history with the typed query DSL only: exact {@code term} and
 * {@code range} filters whose values are data, never a {@code query_string} or anything else that would parse
 * user input as query syntax. Sorted by execution time then event id, both descending, and paged with
 * {@code search_after} on those two values, across every monthly index.
 */
final class TradeSearchRequests {

    private TradeSearchRequests() {}

    static SearchRequest of(TradeSearchCriteria criteria, int limit) {
        SearchRequest.Builder request = new SearchRequest.Builder()
                .index(TradeHistory.INDEX_PATTERN)
                // No index yet (no trade ever) is an empty history, not an error.
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .query(filters(criteria))
                .sort(
                        descending(TradeDocument.EXECUTION_TIMESTAMP, FieldType.Date),
                        descending(TradeDocument.EVENT_ID, FieldType.Keyword))
                .size(limit)
                .trackTotalHits(total -> total.enabled(false))
                .source(source -> source.filter(fields -> fields.includes(TradeDocument.SHOWN)));
        if (criteria.after() != null) {
            request.searchAfter(
                    FieldValue.of(criteria.after().executionTimestamp().toEpochMilli()),
                    FieldValue.of(criteria.after().eventId()));
        }
        return request.build();
    }

    private static Query filters(TradeSearchCriteria criteria) {
        List<Query> filters = new ArrayList<>();
        filters.add(term(TradeDocument.USER_ID, criteria.userId()));
        if (criteria.symbol() != null) {
            filters.add(term(TradeDocument.SYMBOL, criteria.symbol()));
        }
        if (criteria.side() != null) {
            filters.add(term(TradeDocument.SIDE, criteria.side().name()));
        }
        if (criteria.status() != null) {
            filters.add(term(TradeDocument.STATUS, criteria.status().name()));
        }
        if (criteria.from() != null || criteria.to() != null) {
            filters.add(Query.of(q -> q.range(range -> range.date(date -> {
                date.field(TradeDocument.EXECUTION_TIMESTAMP).format("strict_date_optional_time");
                if (criteria.from() != null) {
                    date.gte(Timestamps.format(criteria.from()));
                }
                if (criteria.to() != null) {
                    date.lt(Timestamps.format(criteria.to()));
                }
                return date;
            }))));
        }
        return Query.of(q -> q.bool(bool -> bool.filter(filters)));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(term -> term.field(field).value(FieldValue.of(value))));
    }

    /** {@code unmapped_type}: an index without the field (none should exist) sorts last instead of failing. */
    private static SortOptions descending(String field, FieldType type) {
        return SortOptions.of(
                sort -> sort.field(f -> f.field(field).order(SortOrder.Desc).unmappedType(type)));
    }
}
