"""Record-level input data: schema, loading, validation and the built-in example set."""
