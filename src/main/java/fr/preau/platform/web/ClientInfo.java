package fr.preau.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** The client address and user agent of a request, cut to sizes safe to store and show. */
public record ClientInfo(String ip, String userAgent) {

    public static ClientInfo of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent == null) {
            agent = "";
        } else if (agent.length() > 300) {
            agent = agent.substring(0, 300);
        }
        return new ClientInfo(request.getRemoteAddr(), agent);
    }
}
