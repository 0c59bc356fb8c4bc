package io.smainer.protocol.api;

import java.util.List;

/** 422 body: {@code {"detail": [{loc, msg, type}], "code": "validation_error"}} as FastAPI writes it. */
public record ValidationError(List<Item> detail, String code) {
    public static final String CODE = "validation_error";

    public ValidationError {
        detail = List.copyOf(detail);
    }

    /** One offending field: {@code loc} like {@code ["body", "requirements", "cpu_threads"]}. */
    public record Item(List<Object> loc, String msg, String type) {
        public Item {
            loc = List.copyOf(loc);
        }
    }
}
