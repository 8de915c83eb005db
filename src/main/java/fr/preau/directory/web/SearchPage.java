package fr.preau.directory.web;

import fr.preau.directory.DirectoryOptions;
import fr.preau.directory.DirectoryPage;

/** The directory's search page: the form with its choices, and one page of results. */
public record SearchPage(DirectoryInterface ui, SearchForm form, DirectoryOptions options, DirectoryPage results) {

    public int pageNumber() {
        return results.offset() / results.limit() + 1;
    }

    public String previousUrl() {
        return form.pageUrl(ui, pageNumber() - 1);
    }

    public String nextUrl() {
        return form.pageUrl(ui, pageNumber() + 1);
    }
}
