package com.mocktrading.platform.web;

import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.error.ProblemCodeTag;
import com.mocktrading.platform.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * Writes a problem+json response where no controller advice can: in servlet filters and in the security
 * chain's entry points. Same shape as {@link com.mocktrading.platform.error.Problems}.
 */
public class ProblemWriter {

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        write(request, response, code, code.status().value(), detail);
    }

    public void write(
            HttpServletRequest request, HttpServletResponse response, ErrorCode code, int status, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        request.setAttribute(ProblemCodeTag.ATTRIBUTE, code.name());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = Problems.json(code, status, detail, request.getRequestURI(), List.of());
        response.getWriter().write(body);
        response.flushBuffer();
    }
}
