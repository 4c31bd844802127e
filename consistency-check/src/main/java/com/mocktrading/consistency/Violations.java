package com.mocktrading.consistency;

import java.util.ArrayList;
import java.util.List;

/** The violations one check finds, in the order it finds them. */
final class Violations {

    private final List<Violation> found = new ArrayList<>();

    void add(Violation.Kind kind, String description) {
        found.add(new Violation(kind, description));
    }

    List<Violation> all() {
        return List.copyOf(found);
    }
}
