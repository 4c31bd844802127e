package com.mocktrading.platform.web;

import com.mocktrading.platform.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies larger than the APIs ever need (413) before anything parses them. A body without a length
 * (chunked) is read through a counting stream that fails once the limit is passed.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemWriter problems;

    public RequestBodyLimitFilter(DataSize limit, ProblemWriter problems) {
        this.limit = limit.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            problems.write(
                    request,
                    response,
                    ErrorCode.VALIDATION_FAILED,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The request body exceeds " + limit + " bytes");
            return;
        }
        chain.doFilter(declared >= 0 ? request : new LimitedBodyRequest(request, limit), response);
    }
}
