package com.mocktrading.platform.web;

import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = "{\"type\":" + quote(Problems.typeOf(code).toString()) + ",\"title\":" + quote(code.title())
                + ",\"status\":" + status + ",\"detail\":" + quote(detail) + ",\"instance\":"
                + quote(request.getRequestURI()) + ",\"code\":" + quote(code.name()) + "}";
        response.getWriter().write(body);
        response.flushBuffer();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
