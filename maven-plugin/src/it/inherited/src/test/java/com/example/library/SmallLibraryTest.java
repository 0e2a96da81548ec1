package com.example.library;

class SmallLibraryTest extends AbstractLibraryTests {

    @Override
    int authors() {
        return 3;
    }
}
