package jp.kosodatehub.feeds;

import java.util.List;

/** A request to the API that names an unknown parameter or gives a value it cannot read; answered with 400. */
class BadApiRequest extends RuntimeException {

    private final transient List<String> allowed;

    BadApiRequest(String message, List<String> allowed) {
        super(message);
        this.allowed = List.copyOf(allowed);
    }

    List<String> allowed() {
        return allowed;
    }
}
