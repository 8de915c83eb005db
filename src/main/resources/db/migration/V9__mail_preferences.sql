-- Web mail settings of an account (a row once it saved them; defaults in the code until then)
-- and the senders whose remote images it always shows.

create table mail_settings (
    account_id     bigint primary key references account (id) on delete cascade,
    -- plain text, line ends '\n'
    signature      varchar(2000) not null,
    density        varchar(16) not null,
    remote_images  varchar(16) not null,
    conversations  boolean not null,
    page_size      int not null,
    updated_at     timestamp with time zone not null
);

create table mail_trusted_sender (
    account_id  bigint not null references account (id) on delete cascade,
    -- lower-case local@domain
    address     varchar(320) not null,
    created_at  timestamp with time zone not null,
    constraint mail_trusted_sender_pk primary key (account_id, address)
);
