package com.example.library;

class LargeLibraryTest extends AbstractLibraryTests {

    @Override
    int authors() {
        return 6;
    }
}
