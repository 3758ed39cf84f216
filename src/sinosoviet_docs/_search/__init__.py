"""Full-text search over a catalogue, in three steps: parse, plan, execute.

- :mod:`.language` reads a search string into the nodes of :mod:`.nodes`;
- :mod:`.rewrite` expands names into synonym groups;
- :mod:`.planner` turns a query into a :class:`~.planner.Plan` (data), which an
  executor runs over the in-memory indexes (:mod:`.postings`, :mod:`.filters`)
  with :mod:`.evaluate` and :mod:`.topk`, scoring by :mod:`.bm25`;
- :mod:`.facets` counts the values of the matching documents.
"""
