insert into reader (id, name) values (1, 'Ada'), (2, 'Ben'), (3, 'Cleo'), (4, 'Dev'), (5, 'Eun'), (6, 'Finn'), (7, 'Gia');
insert into review (id, book_title, reader_id, stars, written) values (1, 'A Wizard of Earthsea', 1, 5, date '2025-01-03');
insert into review (id, book_title, reader_id, stars, written) values (2, 'Guards! Guards!', 2, 4, date '2025-01-09');
insert into review (id, book_title, reader_id, stars, written) values (3, 'SPQR', 3, 4, date '2025-02-11');
insert into review (id, book_title, reader_id, stars, written) values (4, 'Cosmos', 4, 5, date '2025-02-20');
insert into review (id, book_title, reader_id, stars, written) values (5, 'Murder on the Orient Express', 5, 3, date '2025-03-02');
insert into review (id, book_title, reader_id, stars, written) values (6, 'The Dispossessed', 6, 5, date '2025-03-14');
