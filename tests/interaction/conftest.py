from tests.disclosure.test_search import catalogue  # noqa: F401  (the sample catalogue, per module)
