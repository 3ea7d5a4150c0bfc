"""Document kinds."""
