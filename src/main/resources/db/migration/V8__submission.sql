-- Submission: what each agent sent per hour, for the sending limits (shared by every node).

create table submission_usage (
    account_id   bigint not null references account (id) on delete cascade,
    hour_start   timestamp with time zone not null,
    messages     int not null,
    recipients   int not null,
    constraint submission_usage_pk primary key (account_id, hour_start)
);
create index submission_usage_hour_idx on submission_usage (hour_start);
