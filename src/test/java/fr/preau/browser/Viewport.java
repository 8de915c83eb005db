package fr.preau.browser;

import com.microsoft.playwright.Browser;

/** The two screens every scenario runs on: an office PC and a small phone. */
enum Viewport {
    DESKTOP("desktop", 1280, 800, false),
    PHONE("phone", 360, 740, true);

    private final String label;
    private final int width;
    private final int height;
    private final boolean mobile;

    Viewport(String label, int width, int height, boolean mobile) {
        this.label = label;
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    String label() {
        return label;
    }

    /** Context options for this screen, in French as a French agent's browser would be. */
    Browser.NewContextOptions options() {
        return new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setIsMobile(mobile)
                .setHasTouch(mobile)
                .setDeviceScaleFactor(1)
                .setLocale("fr-FR")
                .setTimezoneId("Europe/Paris");
    }
}
