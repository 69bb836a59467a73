package org.undersigned.osdi;

import org.undersigned.web.ProblemException;

/** 401: the read API wants a valid, unrevoked key in the {@code OSDI-API-Token} header. */
class ApiKeyRequired extends ProblemException {

    ApiKeyRequired() {
        super(401, "api-key-required", "API key required",
                "Send a valid API key in the " + OsdiApi.TOKEN_HEADER + " header. An admin issues keys under /api/admin/api-keys.");
    }
}
