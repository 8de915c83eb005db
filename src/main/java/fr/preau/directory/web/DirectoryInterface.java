package fr.preau.directory.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The two interfaces the directory is shown in, and where each one's links go. */
public enum DirectoryInterface {
    FULL("/app/annuaire", "/app/mail/compose"),
    SIMPLIFIED("/simple/annuaire", "/simple/mail/compose");

    private final String base;
    private final String compose;

    DirectoryInterface(String base, String compose) {
        this.base = base;
        this.compose = compose;
    }

    public boolean full() {
        return this == FULL;
    }

    /** The search page. */
    public String searchUrl() {
        return base;
    }

    public String cardUrl(long accountId) {
        return base + "/" + accountId;
    }

    /** The compose page with the address as recipient. */
    public String composeUrl(String address) {
        return compose + "?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
    }
}
