package fr.preau.mail.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The search index's to-do list, written in the same transaction as each change of the store. */
@Component
public class SearchBacklog {

    public enum Op { INDEX, UPDATE, DELETE }

    public record Entry(long id, long messageId, long accountId, Op op) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    public SearchBacklog(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    public void add(long accountId, Collection<Long> messageIds, Op op) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> args = messageIds.stream().map(id -> new Object[] {id, accountId, op.name(), now}).toList();
        if (!args.isEmpty()) {
            template.batchUpdate("insert into search_backlog (message_id, account_id, op, queued_at) values (?, ?, ?, ?)", args);
        }
    }

    /** Queues a deletion for every message of these folders (before the folders are deleted). */
    public void deleteFolders(long accountId, Collection<Long> folderIds) {
        if (folderIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into search_backlog (message_id, account_id, op, queued_at)
                        select id, account_id, 'DELETE', :now from message where account_id = :account and mailbox_id in (:folders)""")
                .param("now", OffsetDateTime.now(clock)).param("account", accountId).param("folders", folderIds).update();
    }

    /**
     * Queues a full (re)index of every message of the account, or of every account with null,
     * in one statement, newest messages first; returns how many were queued.
     */
    public int queueAll(Long accountId) {
        String where = accountId == null ? "" : " where account_id = :account";
        var statement = jdbc.sql("""
                        insert into search_backlog (message_id, account_id, op, queued_at)
                        select id, account_id, 'INDEX', :now from message""" + where + " order by id desc")
                .param("now", OffsetDateTime.now(clock));
        if (accountId != null) {
            statement = statement.param("account", accountId);
        }
        return statement.update();
    }

    public List<Entry> next(int max) {
        return jdbc.sql("select id, message_id, account_id, op from search_backlog order by id limit ?").param(max)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getLong(2), rs.getLong(3), Op.valueOf(rs.getString(4))))
                .list();
    }

    public void done(Collection<Long> entryIds) {
        List<Long> all = List.copyOf(entryIds);
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("delete from search_backlog where id in (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 1000))).update();
        }
    }

    public int size() {
        return jdbc.sql("select count(*) from search_backlog").query(Integer.class).single();
    }
}
