package org.apache.samples.bookshop.domain;

public record Reader(long id, String name) {
}
