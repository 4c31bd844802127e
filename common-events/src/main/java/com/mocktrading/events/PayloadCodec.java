package com.mocktrading.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Maps one payload record to and from its JSON object. Written by hand rather than by data binding
 * so the wire format (field names, money as strings, omitted nulls) is visible in one place and
 * cannot drift when a record gains a component.
 */
interface PayloadCodec<P> {

    void write(P payload, ObjectNode target);

    P read(FieldReader source);
}
