-- Fixed data: the integration tests count the queries each page makes from it
-- (5 authors, 4 shelves, 7 books, 9 categories).

insert into author (id, name) values
    (1, 'Ursula K. Le Guin'),
    (2, 'Terry Pratchett'),
    (3, 'Mary Beard'),
    (4, 'Carl Sagan'),
    (5, 'Agatha Christie');

insert into shelf (id, code, label) values
    (1, 'A', 'Fantasy'),
    (2, 'B', 'History'),
    (3, 'C', 'Science'),
    (4, 'D', 'Crime');

insert into language (code, name) values
    ('de', 'German'),
    ('en', 'English'),
    ('es', 'Spanish'),
    ('fr', 'French');

insert into book (id, title, author_id, shelf_id, language_code) values
    (1, 'A Wizard of Earthsea', 1, 1, 'en'),
    (2, 'Die linke Hand der Dunkelheit', 1, 1, 'de'),
    (3, 'Guards! Guards!', 2, 1, 'en'),
    (4, 'SPQR', 3, 2, 'en'),
    (5, 'Cosmos', 4, 3, 'es'),
    (6, 'Murder on the Orient Express', 5, 4, 'en'),
    (7, 'Le Crime de l''Orient-Express', 5, 4, 'fr');

-- The subject tree: Books > Fiction (Crime, Fantasy), Non-fiction (History, Science > Astronomy, Physics)
insert into category (id, name, parent_id) values
    (1, 'Books', null),
    (2, 'Fiction', 1),
    (3, 'Non-fiction', 1),
    (4, 'Fantasy', 2),
    (5, 'Crime', 2),
    (6, 'History', 3),
    (7, 'Science', 3),
    (8, 'Astronomy', 7),
    (9, 'Physics', 7);

insert into talk (id, title) values
    (1, 'Writing Earthsea');
