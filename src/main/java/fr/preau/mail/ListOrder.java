package fr.preau.mail;

/** How a message list is sorted; ties are broken by arrival order. */
public record ListOrder(Field field, boolean descending) {

    public enum Field { DATE, FROM, SUBJECT, SIZE }

    public static ListOrder newestFirst() {
        return new ListOrder(Field.DATE, true);
    }
}
