package io.smainer.relayer.api;

import io.smainer.protocol.ProtocolException;
import io.smainer.protocol.api.ApiError;
import io.smainer.protocol.api.ValidationError;
import io.smainer.protocol.json.ProtocolJson;
import io.smainer.relayer.store.DuplicateEscrowException;
import io.smainer.relayer.store.StoreException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one translation of exceptions into HTTP answers (FastAPI shapes, stable {@code code}s). */
public final class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private final ProtocolJson json;

    public ApiErrors(ProtocolJson json) {
        this.json = json;
    }

    public ApiResponse toResponse(Throwable failure, String route) {
        Throwable e = failure;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ApiException a) {
            return error(a.status(), a.code(), a.getMessage());
        }
        if (e instanceof ProtocolException p) {
            if (p.kind() == ProtocolException.Kind.TOO_LARGE) {
                return error(413, "payload_too_large", p.getMessage());
            }
            List<Object> loc = p.location().isEmpty() ? List.of("body") : p.location();
            return new ApiResponse(422, json.write(new ValidationError(
                    List.of(new ValidationError.Item(loc, p.getMessage(), p.kind().code())), ValidationError.CODE)));
        }
        if (e instanceof DuplicateEscrowException d) {
            return error(409, "escrow_already_used", d.getMessage());
        }
        if (e instanceof StoreException s) {
            log.error("{}: store failure", route, s);
            return error(503, "store_unavailable", "the relayer's store is unavailable; retry later");
        }
        log.error("{}: internal error", route, e);
        return error(500, "internal_error", "internal error; see the relayer log");
    }

    public ApiResponse error(int status, String code, String detail) {
        return new ApiResponse(status, json.write(new ApiError(detail, code)));
    }

    /** 422 for one field, located like FastAPI's. */
    public static ProtocolException invalid(List<Object> loc, String message) {
        return new ProtocolException(ProtocolException.Kind.INVALID_FIELD, message, loc, null);
    }
}
