-- Staff directory: every account gets its last and first name as search keys (lower case,
-- without accents, hyphens or apostrophes: "Le Goff-Hélène" -> "le goff helene"), so that the
-- directory filters and sorts in SQL, the same way on H2 and PostgreSQL. New accounts get
-- their keys from the application (identity's NameKeys); this fills those of existing ones.

alter table account add column last_name_key varchar(200);
alter table account add column first_name_key varchar(200);

update account set
    last_name_key = trim(translate(replace(replace(replace(replace(lower(last_name), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'),
        'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸ-''’.',
        'aaaaaaceeeeiiiinoooooouuuuyyaaaaaaceeeeiiiinoooooouuuuyy    ')),
    first_name_key = trim(translate(replace(replace(replace(replace(lower(first_name), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'),
        'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸ-''’.',
        'aaaaaaceeeeiiiinoooooouuuuyyaaaaaaceeeeiiiinoooooouuuuyy    '));

alter table account alter column last_name_key set not null;
alter table account alter column first_name_key set not null;

-- the directory lists the active accounts of one académie in name order, a page at a time
create index account_directory_idx on account (academy_id, status, last_name_key, first_name_key);
