package com.mocktrading.platform.web;

import com.mocktrading.platform.error.ProblemCodeTag;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Records the code of every problem a controller (or its advice) answers with, for the request metrics' tag. */
@RestControllerAdvice
public class ProblemCodeRecorder implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem
                && problem.getProperties() != null
                && problem.getProperties().get(ProblemCodeTag.KEY) instanceof String code
                && request instanceof ServletServerHttpRequest servlet) {
            servlet.getServletRequest().setAttribute(ProblemCodeTag.ATTRIBUTE, code);
        }
        return body;
    }
}
