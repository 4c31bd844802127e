package com.mocktrading.platform.security;

import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller's user id: the validated token's {@code sub}. */
public final class CurrentUser {

    private CurrentUser() {}

    public static String id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getSubject();
        }
        throw new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required");
    }

    /** Refuses with 403 unless the caller is {@code userId}. */
    public static String requireSelf(String userId) {
        String caller = id();
        if (!caller.equals(userId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "You can only see your own data");
        }
        return caller;
    }
}
