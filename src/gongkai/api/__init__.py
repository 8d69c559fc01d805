"""The HTTP API root (django-ninja): ``/api/``, docs at ``/api/docs``.

Each Gongkai app that has a ``<app>/api.py`` module with a module-level ``router``
(a ``ninja.Router``) is mounted automatically at ``/api/<app label>/``; see
docs/develop.md (加入一个应用).
"""
