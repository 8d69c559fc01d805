"""Gongkai's demo and test data, kept out of the installed ``gongkai`` package.

A Django app (``gongkai_demo``) that the settings add to ``INSTALLED_APPS`` only when this
package is installed (``make venv`` installs it from ``demo/``; production installs do not):

- ``manage.py load_demo`` (``management/commands/load_demo.py``) loads the demo region:
  ``organs`` (示范区, its organs and every role's account), then the loader of each other
  area, in the order of ``INSTALLED_APPS``: ``disclosure``, ``portal``, ``applications``,
  ``reports``, ``interaction``, ``supervision``;
- ``simulate``: random but valid caseloads written in bulk (the demo, the simulated-year
  test, the benchmarks);
- ``sample_corpus`` and ``sample_load``: the 200-item sample catalogue and its loader
  (the demo, the search-quality and browser tests, the search benchmark);
- ``factories``: factory_boy factories and helpers for the tests.
"""
