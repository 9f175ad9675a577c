package jp.kosodatehub.base.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** What the request filters answer and log when they refuse a request before the application sees it. */
final class PlainRefusal {

    private static final int LOGGED_LENGTH = 100;

    private PlainRefusal() {
    }

    /**
     * A 400 with a one-line plain text. Written here rather than through sendError: the error page's own dispatch
     * would run into the same request again (its parameters, its host).
     */
    static void badRequest(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Bad Request: " + reason + "\n");
    }

    /** A value the client chose, safe for one log line: no control characters, no more than 100 characters. */
    static String forLog(String value) {
        String shown = value == null ? "" : value.replaceAll("[\\p{Cntrl}]", "?");
        return shown.length() > LOGGED_LENGTH ? shown.substring(0, LOGGED_LENGTH) + "…" : shown;
    }
}
