-- The demo's tables, created at startup in the in-memory H2 database.
-- Hibernate checks its mappings against them (spring.jpa.hibernate.ddl-auto=validate).

create table app_user (
    id   bigint primary key,
    name varchar(100) not null
);

create table organization (
    id   bigint primary key,
    name varchar(100) not null
);

create table attendee (
    id              bigint primary key,
    name            varchar(100) not null,
    organization_id bigint references organization (id) -- null: unaffiliated
);

create table event (
    id         bigint primary key,
    name       varchar(100) not null,
    event_date date not null,
    creator_id bigint not null references app_user (id)
);

create table event_attendee (
    event_id    bigint not null references event (id),
    attendee_id bigint not null references attendee (id),
    primary key (event_id, attendee_id)
);

-- Written by the check-in endpoints, one row per attendee checked in at an event.
create table check_in (
    event_id    bigint not null references event (id),
    attendee_id bigint not null references attendee (id),
    primary key (event_id, attendee_id)
);
