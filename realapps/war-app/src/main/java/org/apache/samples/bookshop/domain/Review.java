package org.apache.samples.bookshop.domain;

import java.time.LocalDate;

public record Review(long id, String bookTitle, long readerId, int stars, LocalDate written) {
}
