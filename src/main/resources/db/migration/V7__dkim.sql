-- Delivery: the DKIM keys that sign outbound mail, one or more per hosted domain (the newest
-- signs unless a selector is configured). The private key is encrypted (AES-GCM) under a key
-- derived from the installation secret, which never enters the database: a dump alone does
-- not let anyone sign as the académie. The public key is what the DNS record publishes.

create table dkim_key (
    domain                 varchar(253) not null,
    selector               varchar(63) not null,
    private_key_encrypted  text not null,
    public_key             text not null,
    created_at             timestamp with time zone not null,
    primary key (domain, selector)
);
