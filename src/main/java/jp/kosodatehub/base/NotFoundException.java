package jp.kosodatehub.base;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record does not exist, or the caller may not know that it exists. Reaching a controller (a CSV or feed address
 * with an unknown id) it is answered 404, not as a server error.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
