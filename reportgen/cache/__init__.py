"""Fast rebuilds: digests of the inputs, a corruption-safe cache of the validated data and
the values, and the build plan that skips documents whose inputs did not change."""
