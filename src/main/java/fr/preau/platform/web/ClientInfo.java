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
        return new ClientInfo(compact(request.getRemoteAddr()), agent);
    }

    /** An IPv6 address in its usual short form ({@code ::1} rather than {@code 0:0:0:0:0:0:0:1}). */
    static String compact(String address) {
        if (address == null || address.indexOf(':') < 0 || address.contains("::")) {
            return address;
        }
        String[] groups = address.split(":", -1);
        if (groups.length != 8) {
            return address;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j].matches("0+")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(groups[i].replaceFirst("^0+(?=.)", ""));
        }
        return out.toString();
    }
}
