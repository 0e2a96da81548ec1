create table reader (
    id bigint primary key,
    name varchar(100) not null
);

create table review (
    id bigint primary key,
    book_title varchar(200) not null,
    reader_id bigint not null references reader (id),
    stars int not null,
    written date not null
);
